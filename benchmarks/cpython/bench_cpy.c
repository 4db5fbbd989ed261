/*
 * bench_cpy -- the CPython C-API twin of ../ext/bench_hpy.c.
 *
 * Same functions, arguments and results, written the way a careful C-API
 * author would: METH_FASTCALL where it exists, borrowed references where the
 * API offers them (PyList_GET_ITEM, PyDict_GetItemWithError).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#define BARRIER() __asm__ __volatile__("" ::: "memory")

/* ---------------------------------------------------------------- calls -- */

static PyObject *noop(PyObject *self, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyObject *onearg(PyObject *self, PyObject *arg)
{
    Py_RETURN_NONE;
}

static PyObject *varargs(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "varargs() takes exactly 3 arguments");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *keywords(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *names[] = { "a", "b", "c", NULL };
    long a = 0, b = 0, c = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "l|ll", names, &a, &b, &c))
        return NULL;
    return PyLong_FromLong(a + b + c);
}

static PyObject *ret_int(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(12345);
}

static PyObject *ret_float(PyObject *self, PyObject *unused)
{
    return PyFloat_FromDouble(1.5);
}

static PyObject *ret_str(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("hello world");
}

static PyObject *identity(PyObject *self, PyObject *arg)
{
    Py_INCREF(arg);
    return arg;
}

/* ----------------------------------------------------------- primitives -- */

static PyObject *add_ints(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "add_ints() takes exactly 2 arguments");
        return NULL;
    }
    long a = PyLong_AsLong(args[0]);
    if (a == -1 && PyErr_Occurred())
        return NULL;
    long b = PyLong_AsLong(args[1]);
    if (b == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(a + b);
}

static PyObject *add_floats(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "add_floats() takes exactly 2 arguments");
        return NULL;
    }
    double a = PyFloat_AsDouble(args[0]);
    if (a == -1.0 && PyErr_Occurred())
        return NULL;
    double b = PyFloat_AsDouble(args[1]);
    if (b == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(a + b);
}

static PyObject *str_len(PyObject *self, PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_TypeError, "str_len() expects a str");
        return NULL;
    }
    Py_ssize_t n = PyObject_Length(s);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *utf8_len(PyObject *self, PyObject *s)
{
    Py_ssize_t n;
    const char *p = PyUnicode_AsUTF8AndSize(s, &n);
    if (p == NULL)
        return NULL;
    return PyLong_FromSsize_t(n);
}

/* ----------------------------------------------------------- containers -- */

static PyObject *make_tuple(PyObject *self, PyObject *unused)
{
    PyObject *t = PyTuple_New(3);
    if (t == NULL)
        return NULL;
    for (long i = 0; i < 3; i++) {
        PyObject *item = PyLong_FromLong(i + 1);
        if (item == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, item);
    }
    return t;
}

static PyObject *tuple_index(PyObject *self, PyObject *t)
{
    return PySequence_GetItem(t, 2);
}

static PyObject *sum_list(PyObject *self, PyObject *lst)
{
    if (!PyList_Check(lst)) {
        PyErr_SetString(PyExc_TypeError, "sum_list() expects a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(lst);
    long total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        long v = PyLong_AsLong(PyList_GET_ITEM(lst, i));
        if (v == -1 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyObject *build_list(PyObject *self, PyObject *h_n)
{
    Py_ssize_t n = PyLong_AsSsize_t(h_n);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_TypeError, "build_list() expects n >= 0");
        return NULL;
    }
    PyObject *lst = PyList_New(n);
    if (lst == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyLong_FromSsize_t(i);
        if (item == NULL) {
            Py_DECREF(lst);
            return NULL;
        }
        PyList_SET_ITEM(lst, i, item);
    }
    return lst;
}

#define DICT_N 100
static char dict_keys[DICT_N][8];

static void fill_dict_keys(void)
{
    for (int i = 0; i < DICT_N; i++)
        snprintf(dict_keys[i], sizeof dict_keys[i], "key%d", i);
}

/* build_dict() -> {"key0": 0, ..., "key99": 99}, keys given as C strings */
static PyObject *build_dict(PyObject *self, PyObject *unused)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (long i = 0; i < DICT_N; i++) {
        PyObject *value = PyLong_FromLong(i);
        if (value == NULL)
            goto fail;
        int r = PyDict_SetItemString(d, dict_keys[i], value);
        Py_DECREF(value);
        if (r < 0)
            goto fail;
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* dict_get(d) -> sum(d[k] for k in "key0" .. "key99"), keys as C strings */
static PyObject *dict_get(PyObject *self, PyObject *d)
{
    if (!PyDict_Check(d)) {
        PyErr_SetString(PyExc_TypeError, "dict_get() expects a dict");
        return NULL;
    }
    long total = 0;
    for (int i = 0; i < DICT_N; i++) {
        PyObject *value = PyDict_GetItemString(d, dict_keys[i]);   /* borrowed */
        if (value == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_KeyError, dict_keys[i]);
            return NULL;
        }
        long v = PyLong_AsLong(value);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyObject *build_dict_obj(PyObject *self, PyObject *keys)
{
    PyObject *seq = PySequence_Fast(keys, "build_dict_obj() expects a sequence");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *d = PyDict_New();
    if (d == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *value = PyLong_FromSsize_t(i);
        if (value == NULL)
            goto fail;
        int r = PyDict_SetItem(d, PySequence_Fast_GET_ITEM(seq, i), value);
        Py_DECREF(value);
        if (r < 0)
            goto fail;
    }
    Py_DECREF(seq);
    return d;
fail:
    Py_XDECREF(d);
    Py_DECREF(seq);
    return NULL;
}

static PyObject *dict_get_obj(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "dict_get_obj() takes exactly 2 arguments");
        return NULL;
    }
    PyObject *d = args[0];
    if (!PyDict_Check(d)) {
        PyErr_SetString(PyExc_TypeError, "dict_get_obj() expects a dict");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(args[1], "dict_get_obj() expects a sequence of keys");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    long total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PySequence_Fast_GET_ITEM(seq, i);
        PyObject *value = PyDict_GetItemWithError(d, key);   /* borrowed */
        if (value == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, key);
            Py_DECREF(seq);
            return NULL;
        }
        long v = PyLong_AsLong(value);
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return NULL;
        }
        total += v;
    }
    Py_DECREF(seq);
    return PyLong_FromLong(total);
}

/* ------------------------------------------------------- host callbacks -- */

static PyObject *call_back(PyObject *self, PyObject *f)
{
    long total = 0;
    for (long i = 0; i < 1000; i++) {
        PyObject *arg = PyLong_FromLong(i);
        if (arg == NULL)
            return NULL;
        PyObject *r = PyObject_CallOneArg(f, arg);
        Py_DECREF(arg);
        if (r == NULL)
            return NULL;
        long v = PyLong_AsLong(r);
        Py_DECREF(r);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyObject *getattr_x(PyObject *self, PyObject *obj)
{
    return PyObject_GetAttrString(obj, "x");
}

/* ------------------------------------------------------------- handles -- */

static PyObject *dup_close(PyObject *self, PyObject *obj)
{
    for (int i = 0; i < 1000; i++) {
        Py_INCREF(obj);
        BARRIER();
        Py_DECREF(obj);
    }
    Py_RETURN_NONE;
}

static PyObject *handles_10m(PyObject *self, PyObject *obj)
{
    long count = 0;
    for (long i = 0; i < 10000000; i++) {
        PyObject *h;
        switch (i % 3) {
        case 0:  h = PyLong_FromLong(i); break;
        case 1:  h = PyFloat_FromDouble((double)i + 0.5); break;
        default: Py_INCREF(obj); h = obj; break;
        }
        if (h == NULL)
            return NULL;
        BARRIER();
        Py_DECREF(h);
        count++;
    }
    return PyLong_FromLong(count);
}

/* ------------------------------------------------------ extension type -- */

typedef struct {
    PyObject_HEAD
    double x;
    double y;
} VecObject;

static PyObject *Vec_new(PyTypeObject *cls, PyObject *args, PyObject *kwds)
{
    double x = 0.0, y = 0.0;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2 || (kwds != NULL && PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Vec() takes at most 2 positional arguments");
        return NULL;
    }
    if (nargs > 0) {
        x = PyFloat_AsDouble(PyTuple_GET_ITEM(args, 0));
        if (x == -1.0 && PyErr_Occurred())
            return NULL;
    }
    if (nargs > 1) {
        y = PyFloat_AsDouble(PyTuple_GET_ITEM(args, 1));
        if (y == -1.0 && PyErr_Occurred())
            return NULL;
    }
    VecObject *v = (VecObject *)cls->tp_alloc(cls, 0);
    if (v == NULL)
        return NULL;
    v->x = x;
    v->y = y;
    return (PyObject *)v;
}

static PyObject *Vec_norm2(PyObject *self, PyObject *unused)
{
    VecObject *v = (VecObject *)self;
    return PyFloat_FromDouble(v->x * v->x + v->y * v->y);
}

static PyObject *Vec_add(PyObject *a, PyObject *b)
{
    PyTypeObject *tp = Py_TYPE(a);
    if (!PyObject_TypeCheck(b, tp))
        Py_RETURN_NOTIMPLEMENTED;
    VecObject *r = (VecObject *)tp->tp_alloc(tp, 0);
    if (r == NULL)
        return NULL;
    r->x = ((VecObject *)a)->x + ((VecObject *)b)->x;
    r->y = ((VecObject *)a)->y + ((VecObject *)b)->y;
    return (PyObject *)r;
}

static PyMemberDef Vec_members[] = {
    { "x", T_DOUBLE, offsetof(VecObject, x), 0, NULL },
    { "y", T_DOUBLE, offsetof(VecObject, y), 0, NULL },
    { NULL }
};

static PyMethodDef Vec_methods[] = {
    { "norm2", Vec_norm2, METH_NOARGS, NULL },
    { NULL }
};

static PyType_Slot Vec_slots[] = {
    { Py_tp_new, Vec_new },
    { Py_tp_members, Vec_members },
    { Py_tp_methods, Vec_methods },
    { Py_nb_add, Vec_add },
    { 0, NULL }
};

static PyType_Spec Vec_spec = {
    .name = "bench_cpy.Vec",
    .basicsize = sizeof(VecObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Vec_slots,
};

/* --------------------------------------------------------------- module -- */

static PyMethodDef module_methods[] = {
    { "noop", noop, METH_NOARGS, NULL },
    { "onearg", onearg, METH_O, NULL },
    { "varargs", (PyCFunction)(void (*)(void))varargs, METH_FASTCALL, NULL },
    { "keywords", (PyCFunction)(void (*)(void))keywords, METH_VARARGS | METH_KEYWORDS, NULL },
    { "ret_int", ret_int, METH_NOARGS, NULL },
    { "ret_float", ret_float, METH_NOARGS, NULL },
    { "ret_str", ret_str, METH_NOARGS, NULL },
    { "identity", identity, METH_O, NULL },
    { "add_ints", (PyCFunction)(void (*)(void))add_ints, METH_FASTCALL, NULL },
    { "add_floats", (PyCFunction)(void (*)(void))add_floats, METH_FASTCALL, NULL },
    { "str_len", str_len, METH_O, NULL },
    { "utf8_len", utf8_len, METH_O, NULL },
    { "make_tuple", make_tuple, METH_NOARGS, NULL },
    { "tuple_index", tuple_index, METH_O, NULL },
    { "sum_list", sum_list, METH_O, NULL },
    { "build_list", build_list, METH_O, NULL },
    { "build_dict", build_dict, METH_NOARGS, NULL },
    { "dict_get", dict_get, METH_O, NULL },
    { "build_dict_obj", build_dict_obj, METH_O, NULL },
    { "dict_get_obj", (PyCFunction)(void (*)(void))dict_get_obj, METH_FASTCALL, NULL },
    { "call_back", call_back, METH_O, NULL },
    { "getattr_x", getattr_x, METH_O, NULL },
    { "dup_close", dup_close, METH_O, NULL },
    { "handles_10m", handles_10m, METH_O, NULL },
    { NULL }
};

static int bench_exec(PyObject *m)
{
    fill_dict_keys();
    PyObject *tp = PyType_FromSpec(&Vec_spec);
    if (tp == NULL)
        return -1;
    int r = PyModule_AddObject(m, "Vec", tp);
    if (r < 0)
        Py_DECREF(tp);
    return r;
}

static PyModuleDef_Slot module_slots[] = {
    { Py_mod_exec, bench_exec },
    { 0, NULL }
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT,
    .m_name = "bench_cpy",
    .m_doc = "hpy-node microbenchmarks (CPython C-API side)",
    .m_size = 0,
    .m_methods = module_methods,
    .m_slots = module_slots,
};

PyMODINIT_FUNC PyInit_bench_cpy(void)
{
    return PyModuleDef_Init(&moduledef);
}
