/*
 * hpy-node: struct sequences (named, immutable tuple subclasses), compiled
 * into every extension (implementation: include/runtime/structseq.c).
 *
 * Included by hpy.h once HPy, HPyContext and HPy_ssize_t are declared.
 */
#ifndef HPY_NODE_RUNTIME_STRUCTSEQ_H
#define HPY_NODE_RUNTIME_STRUCTSEQ_H

#ifdef __cplusplus
extern "C" {
#endif

/* One field of a struct sequence. */
typedef struct {
    /* UTF-8 field name; NULL terminates the field array;
       HPyStructSequence_UnnamedField makes the field reachable by index
       only. */
    const char *name;
    /* UTF-8 docstring of the field, or NULL. */
    const char *doc;
} HPyStructSequence_Field;

/* Description of a struct sequence type. */
typedef struct {
    /* UTF-8 type name, optionally "module.Name"; must not be NULL. */
    const char *name;
    /* UTF-8 docstring of the type, or NULL. */
    const char *doc;
    /* Field array, terminated by an entry whose name is NULL. */
    HPyStructSequence_Field *fields;
} HPyStructSequence_Desc;

/* Marker for HPyStructSequence_Field.name: an anonymous field. */
extern const char * const HPyStructSequence_UnnamedField;

/* Create a struct sequence type; HPy_NULL on error. */
HPyAPI_HELPER HPy
HPyStructSequence_NewType(HPyContext *ctx, HPyStructSequence_Desc *desc);

/* Create an instance of a struct sequence type from exactly as many values
   as the type has fields; HPy_NULL on error (TypeError for a wrong count or
   a type that is not a struct sequence type). */
HPyAPI_HELPER HPy
HPyStructSequence_New(HPyContext *ctx, HPy type, HPy_ssize_t nargs, HPy *args);

#ifdef __cplusplus
}
#endif
#endif /* HPY_NODE_RUNTIME_STRUCTSEQ_H */
