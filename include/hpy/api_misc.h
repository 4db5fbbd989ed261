/* Public API functions whose wrapper is not a plain forward to the context. */
#ifndef HPY_NODE_API_MISC_H
#define HPY_NODE_API_MISC_H

/* The struct pointer goes through a local so that the caller's variable does not escape. */
static inline HPy _HPy_New(HPyContext *ctx, HPy h_type, void **data)
{
    void *result = NULL;
    HPy h = ctx->ctx_New(ctx, h_type, &result);
    *data = result;
    return h;
}

static inline _HPy_NO_RETURN void HPy_FatalError(HPyContext *ctx, const char *message)
{
    ctx->ctx_FatalError(ctx, message);
    abort(); /* not reached: tells the compiler this never returns */
}

static inline void *HPyCapsule_GetPointer(HPyContext *ctx, HPy capsule, const char *name)
{
    return ctx->ctx_Capsule_Get(ctx, capsule, HPyCapsule_key_Pointer, name);
}

static inline const char *HPyCapsule_GetName(HPyContext *ctx, HPy capsule)
{
    return (const char *)ctx->ctx_Capsule_Get(ctx, capsule, HPyCapsule_key_Name, NULL);
}

static inline void *HPyCapsule_GetContext(HPyContext *ctx, HPy capsule)
{
    return ctx->ctx_Capsule_Get(ctx, capsule, HPyCapsule_key_Context, NULL);
}

static inline int HPyCapsule_SetPointer(HPyContext *ctx, HPy capsule, void *pointer)
{
    return ctx->ctx_Capsule_Set(ctx, capsule, HPyCapsule_key_Pointer, pointer);
}

static inline int HPyCapsule_SetName(HPyContext *ctx, HPy capsule, const char *name)
{
    return ctx->ctx_Capsule_Set(ctx, capsule, HPyCapsule_key_Name, (void *)name);
}

static inline int HPyCapsule_SetContext(HPyContext *ctx, HPy capsule, void *context)
{
    return ctx->ctx_Capsule_Set(ctx, capsule, HPyCapsule_key_Context, context);
}

static inline int HPyCapsule_SetDestructor(HPyContext *ctx, HPy capsule, HPyCapsule_Destructor *destructor)
{
    return ctx->ctx_Capsule_Set(ctx, capsule, HPyCapsule_key_Destructor, (void *)destructor);
}

#endif /* HPY_NODE_API_MISC_H */
