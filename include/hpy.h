/* hpy-node's HPy headers: the HPy 0.9 API for the universal ABI only.
 * Extensions compiled with these headers (cc -DHPY_ABI_UNIVERSAL -I <this dir>) load in hpy-node;
 * binaries built with HPy's own headers in universal mode load the same way. */
#ifndef HPY_NODE_HPY_H
#define HPY_NODE_HPY_H

#define HPY_ABI_VERSION 0
#define HPY_ABI_VERSION_MINOR 0
#define HPY_ABI_TAG "hpy0"

#if defined(HPY_ABI_CPYTHON) || defined(HPY_ABI_HYBRID)
#  error "hpy-node's headers build universal-ABI extensions only: define HPY_ABI_UNIVERSAL"
#endif
#ifndef HPY_ABI_UNIVERSAL
#  define HPY_ABI_UNIVERSAL 1
#endif
#define HPY_ABI "universal"

#include <stdlib.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "hpy/base.h"
#include "hpy/func.h"
#include "hpy/trampolines.h"
#include "hpy/slots.h"
#include "hpy/def.h"
#include "hpy/type.h"
#include "hpy/module.h"
#include "hpy/macros.h"
#include "hpy/runtime/argparse.h"
#include "hpy/runtime/buildvalue.h"
#include "hpy/runtime/format.h"
#include "hpy/runtime/helpers.h"
#include "hpy/runtime/structseq.h"
#include "hpy/autogen_ctx.h"
#include "hpy/autogen_api.h"
#include "hpy/api_misc.h"
#include "hpy/inline_helpers.h"

#ifdef __cplusplus
}
#endif
#endif /* HPY_NODE_HPY_H */
