/* The C API of the pyexpat module (CPython's pyexpat.h): selected expat
 * functions, for parser modules that drive expat themselves. expat.h
 * must come first (included here when the compiler can find it); take the
 * struct from the capsule with
 *     PyCapsule_Import(PyExpat_CAPSULE_NAME, 0)
 * and check magic, size and the version fields before use.
 *
 * RustPython's pyexpat is not built on expat and has no expat_CAPI, so on
 * this interpreter the import fails with AttributeError. The layout is
 * CPython 3.14's. */
#ifndef Py_PYEXPAT_H
#define Py_PYEXPAT_H

#if defined(__has_include)
#  if __has_include(<expat.h>)
#    include <expat.h>
#  endif
#endif

#include <stdint.h>

#define PyExpat_CAPI_MAGIC "pyexpat.expat_CAPI 1.1"
#define PyExpat_CAPSULE_NAME "pyexpat.expat_CAPI"

struct PyExpat_CAPI
{
    char *magic;    /* PyExpat_CAPI_MAGIC */
    int size;       /* sizeof(struct PyExpat_CAPI) of the provider */
    int MAJOR_VERSION;
    int MINOR_VERSION;
    int MICRO_VERSION;
    /* Fields are only ever added at the end. */
    const XML_LChar *(*ErrorString)(enum XML_Error code);
    enum XML_Error (*GetErrorCode)(XML_Parser parser);
    XML_Size (*GetErrorColumnNumber)(XML_Parser parser);
    XML_Size (*GetErrorLineNumber)(XML_Parser parser);
    enum XML_Status (*Parse)(XML_Parser parser, const char *s, int len, int isFinal);
    XML_Parser (*ParserCreate_MM)(const XML_Char *encoding,
                                  const XML_Memory_Handling_Suite *memsuite,
                                  const XML_Char *namespaceSeparator);
    void (*ParserFree)(XML_Parser parser);
    void (*SetCharacterDataHandler)(XML_Parser parser, XML_CharacterDataHandler handler);
    void (*SetCommentHandler)(XML_Parser parser, XML_CommentHandler handler);
    void (*SetDefaultHandlerExpand)(XML_Parser parser, XML_DefaultHandler handler);
    void (*SetElementHandler)(XML_Parser parser, XML_StartElementHandler start,
                              XML_EndElementHandler end);
    void (*SetNamespaceDeclHandler)(XML_Parser parser, XML_StartNamespaceDeclHandler start,
                                    XML_EndNamespaceDeclHandler end);
    void (*SetProcessingInstructionHandler)(XML_Parser parser,
                                            XML_ProcessingInstructionHandler handler);
    void (*SetUnknownEncodingHandler)(XML_Parser parser, XML_UnknownEncodingHandler handler,
                                      void *encodingHandlerData);
    void (*SetUserData)(XML_Parser parser, void *userData);
    void (*SetStartDoctypeDeclHandler)(XML_Parser parser, XML_StartDoctypeDeclHandler start);
    enum XML_Status (*SetEncoding)(XML_Parser parser, const XML_Char *encoding);
    int (*DefaultUnknownEncodingHandler)(void *encodingHandlerData, const XML_Char *name,
                                         XML_Encoding *info);
    /* The entries below are NULL where the provider's expat is older than
     * the version named. */
    int (*SetHashSalt)(XML_Parser parser, unsigned long hash_salt);                    /* 2.1.0 */
    XML_Bool (*SetReparseDeferralEnabled)(XML_Parser parser, XML_Bool enabled);        /* 2.6.0 */
    XML_Bool (*SetAllocTrackerActivationThreshold)(XML_Parser parser,
                                                   unsigned long long activationThresholdBytes); /* 2.7.2 */
    XML_Bool (*SetAllocTrackerMaximumAmplification)(XML_Parser parser,
                                                    float maxAmplificationFactor);   /* 2.7.2 */
    XML_Bool (*SetBillionLaughsAttackProtectionActivationThreshold)(
        XML_Parser parser, unsigned long long activationThresholdBytes);             /* 2.4.0 */
    XML_Bool (*SetBillionLaughsAttackProtectionMaximumAmplification)(
        XML_Parser parser, float maxAmplificationFactor);                            /* 2.4.0 */
    XML_Bool (*SetHashSalt16Bytes)(XML_Parser parser, const uint8_t entropy[16]);    /* 2.8.0 */
};

#endif /* !Py_PYEXPAT_H */
