#ifndef QRGATE_CQRENCODE_SHIM_H
#define QRGATE_CQRENCODE_SHIM_H
#include <errno.h>
#include <qrencode.h>

/// errno after a libqrencode call (errno is a macro Swift cannot read portably).
static inline int qrgate_qrencode_errno(void) { return errno; }
static inline void qrgate_qrencode_clear_errno(void) { errno = 0; }
#endif
