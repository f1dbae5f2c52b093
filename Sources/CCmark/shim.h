#ifndef DOSSIER_CCMARK_SHIM_H
#define DOSSIER_CCMARK_SHIM_H
#include <cmark.h>
#endif
