#ifndef QRGATE_CZBAR_SHIM_H
#define QRGATE_CZBAR_SHIM_H

#include <zbar.h>

/// `zbar_fourcc` is a macro; Swift cannot import it.
static inline unsigned long qrgate_zbar_fourcc(char a, char b, char c, char d) {
    return zbar_fourcc(a, b, c, d);
}

/// The Y800 (8-bit grey) fourcc zbar scans natively.
static inline unsigned long qrgate_zbar_fourcc_y800(void) {
    return zbar_fourcc('Y', '8', '0', '0');
}

#endif
