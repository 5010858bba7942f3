/* capi_ctypes: plain C functions for ctypes to call (the module is also a
 * shared library ctypes.CDLL can load): callbacks with int and pointer
 * arguments. The C-API itself is reached through ctypes.pythonapi. */
#include <Python.h>

typedef int (*binop)(int, int);
typedef int (*cmpfn)(const int *, const int *);

PyAPI_FUNC(int) ct_apply(binop f, int a, int b);
PyAPI_FUNC(int) ct_min_index(const int *xs, int n, cmpfn cmp);
PyAPI_FUNC(int) ct_apply_twice(binop f, int a);

int
ct_apply(binop f, int a, int b)
{
    return f(a, b);
}

/* The index of the least of xs[0..n), by cmp. */
int
ct_min_index(const int *xs, int n, cmpfn cmp)
{
    int best = 0;
    for (int i = 1; i < n; i++) {
        if (cmp(&xs[i], &xs[best]) < 0) {
            best = i;
        }
    }
    return best;
}

/* f(f(a, a), a): a callback called more than once per call. */
int
ct_apply_twice(binop f, int a)
{
    return f(f(a, a), a);
}

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_ctypes", NULL, 0, NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_ctypes(void)
{
    return PyModule_Create(&def);
}
