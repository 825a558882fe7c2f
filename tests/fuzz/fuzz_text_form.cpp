// SPDX-License-Identifier: MIT
// libFuzzer target: the text form of a design. Whatever reads must be written back into text
// that reads again with no error (the canonical writer never writes what the parser refuses).
#include "text/TextParser.h"
#include "text/TextWriter.h"

#include <cstdio>
#include <cstdlib>

using namespace mls;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ReadResult r = TextParser::read(bytes, QStringLiteral("fuzz.mls"));
    if (r.ok() == !r.error.isEmpty())
        std::abort(); // exactly one of a diagram and an error
    if (!r.ok())
        return 0;
    const TextParseResult again = TextParser::parse(TextWriter::toText(*r.diagram));
    if (!again.ok()) {
        std::fprintf(stderr, "written but unreadable: %s\n", qPrintable(again.firstError()));
        std::abort();
    }
    return 0;
}
