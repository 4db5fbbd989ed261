/* The number protocol from C: every HPy_<Op> and HPy_InPlace<Op>, the unary operators,
 * HPy_Long/HPy_Float/HPy_Index and HPyNumber_Check, each as a thin wrapper for
 * test/objects-numbers.test.js. */
#include "hpy.h"

#define BINOP(NAME, FN)                                                                \
    HPyDef_METH(NAME, #NAME, HPyFunc_VARARGS)                                          \
    static HPy NAME##_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)   \
    {                                                                                  \
        if (nargs != 2) {                                                              \
            HPyErr_SetString(ctx, ctx->h_TypeError, #NAME "(a, b)");                   \
            return HPy_NULL;                                                           \
        }                                                                              \
        return FN(ctx, args[0], args[1]);                                              \
    }

#define UNOP(NAME, FN)                                                                 \
    HPyDef_METH(NAME, #NAME, HPyFunc_O)                                                \
    static HPy NAME##_impl(HPyContext *ctx, HPy self, HPy arg)                         \
    {                                                                                  \
        return FN(ctx, arg);                                                           \
    }

BINOP(add, HPy_Add)
BINOP(sub, HPy_Subtract)
BINOP(mul, HPy_Multiply)
BINOP(matmul, HPy_MatrixMultiply)
BINOP(floordiv, HPy_FloorDivide)
BINOP(truediv, HPy_TrueDivide)
BINOP(mod, HPy_Remainder)
BINOP(divmod, HPy_Divmod)
BINOP(lshift, HPy_Lshift)
BINOP(rshift, HPy_Rshift)
BINOP(and_, HPy_And)
BINOP(xor_, HPy_Xor)
BINOP(or_, HPy_Or)

BINOP(iadd, HPy_InPlaceAdd)
BINOP(isub, HPy_InPlaceSubtract)
BINOP(imul, HPy_InPlaceMultiply)
BINOP(imatmul, HPy_InPlaceMatrixMultiply)
BINOP(ifloordiv, HPy_InPlaceFloorDivide)
BINOP(itruediv, HPy_InPlaceTrueDivide)
BINOP(imod, HPy_InPlaceRemainder)
BINOP(ilshift, HPy_InPlaceLshift)
BINOP(irshift, HPy_InPlaceRshift)
BINOP(iand, HPy_InPlaceAnd)
BINOP(ixor, HPy_InPlaceXor)
BINOP(ior, HPy_InPlaceOr)

UNOP(neg, HPy_Negative)
UNOP(pos, HPy_Positive)
UNOP(abs_, HPy_Absolute)
UNOP(invert, HPy_Invert)
UNOP(index_, HPy_Index)
UNOP(long_, HPy_Long)
UNOP(float_, HPy_Float)

/* pow(a, b[, m]): a missing modulus is passed as None (h_None), as PyNumber_Power expects. */
HPyDef_METH(pow_, "pow_", HPyFunc_VARARGS)
static HPy pow__impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2 && nargs != 3) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "pow_(a, b[, m])");
        return HPy_NULL;
    }
    return HPy_Power(ctx, args[0], args[1], nargs == 3 ? args[2] : ctx->h_None);
}

HPyDef_METH(ipow, "ipow", HPyFunc_VARARGS)
static HPy ipow_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2 && nargs != 3) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "ipow(a, b[, m])");
        return HPy_NULL;
    }
    return HPy_InPlacePower(ctx, args[0], args[1], nargs == 3 ? args[2] : ctx->h_None);
}

HPyDef_METH(number_check, "number_check", HPyFunc_O)
static HPy number_check_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyLong_FromLong(ctx, HPyNumber_Check(ctx, arg) ? 1 : 0);
}

static HPyDef *module_defines[] = {
    &add, &sub, &mul, &matmul, &floordiv, &truediv, &mod, &divmod, &lshift, &rshift, &and_, &xor_, &or_,
    &iadd, &isub, &imul, &imatmul, &ifloordiv, &itruediv, &imod, &ilshift, &irshift, &iand, &ixor, &ior,
    &neg, &pos, &abs_, &invert, &index_, &long_, &float_, &pow_, &ipow, &number_check,
    NULL,
};

static HPyModuleDef moduledef = {
    .doc = "number protocol from C",
    .defines = module_defines,
};

HPy_MODINIT(obj_numbers, moduledef)
