// SPDX-License-Identifier: MIT
// libFuzzer target: the .mlsketch file reader. Whatever loads must be written back into bytes
// the reader accepts again (the writer never writes what the reader refuses).
#include "DiagramReader.h"
#include "DiagramWriter.h"

#include <cstdio>
#include <cstdlib>

using namespace mls;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ReadResult r = DiagramReader::read(bytes, QStringLiteral("fuzz.mlsketch"));
    if (r.ok() == !r.error.isEmpty())
        std::abort(); // exactly one of a diagram and an error
    if (!r.ok())
        return 0;
    QString error;
    const QByteArray again = DiagramWriter::write(*r.diagram, &error);
    if (again.isEmpty())
        return 0; // refused with a message: allowed (e.g. invalid UTF-8 grown by replacement)
    const ReadResult back = DiagramReader::read(again, QStringLiteral("again.mlsketch"));
    if (!back.ok()) {
        std::fprintf(stderr, "written but unreadable: %s\n", qPrintable(back.error));
        std::abort();
    }
    return 0;
}
