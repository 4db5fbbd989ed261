// The HPy ABI as seen by the addon: hpy-node's own headers, with C linkage.
#pragma once
#ifndef HPY_ABI_UNIVERSAL
#define HPY_ABI_UNIVERSAL 1
#endif
#include "../include/hpy.h"
