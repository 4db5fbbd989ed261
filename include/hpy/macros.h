/* Small macros of the HPy API. */
#ifndef HPY_NODE_MACROS_H
#define HPY_NODE_MACROS_H

/* HPy_New(ctx, type, &data_ptr): the cast lets `data_ptr` be any struct pointer. */
#define HPy_New(ctx, cls, data) (_HPy_New((ctx), (cls), ((void **)(data))))

#define HPy_RETURN_RICHCOMPARE(ctx, val1, val2, op)                             \
    do {                                                                        \
        bool _hpy_cmp;                                                          \
        switch (op) {                                                           \
        case HPy_EQ: _hpy_cmp = ((val1) == (val2)); break;                      \
        case HPy_NE: _hpy_cmp = ((val1) != (val2)); break;                      \
        case HPy_LT: _hpy_cmp = ((val1) < (val2)); break;                       \
        case HPy_GT: _hpy_cmp = ((val1) > (val2)); break;                       \
        case HPy_LE: _hpy_cmp = ((val1) <= (val2)); break;                      \
        case HPy_GE: _hpy_cmp = ((val1) >= (val2)); break;                      \
        default: HPy_FatalError(ctx, "Invalid value for HPy_RichCmpOp");       \
        }                                                                       \
        return HPy_Dup(ctx, _hpy_cmp ? ctx->h_True : ctx->h_False);             \
    } while (0)

#define _HPy_PARSE_PID "i"
#define HPyLong_FromPid HPyLong_FromLong
#define HPyLong_AsPid HPyLong_AsLong

#define HPy_BEGIN_LEAVE_PYTHON(context) {                                       \
    HPyThreadState _token = HPy_LeavePythonExecution(context);
#define HPy_END_LEAVE_PYTHON(context)                                           \
    HPy_ReenterPythonExecution(context, _token);                                \
    }

#endif /* HPY_NODE_MACROS_H */
