#ifndef QRGATE_CQRENCODE_SHIM_H
#define QRGATE_CQRENCODE_SHIM_H

#include <qrencode.h>

#endif
