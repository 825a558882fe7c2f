// SPDX-License-Identifier: MIT
// libFuzzer target: the clipboard fragment reader (application/x-mlsketch-fragment, or text).
#include "Diagram.h"
#include "Fragment.h"

using namespace mls;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    std::optional<Fragment> f = Fragment::fromBytes(bytes, &error);
    if (!f)
        return 0;
    Diagram target;
    f->makeInsertableInto(target, QPointF(20, 20));
    return 0;
}
