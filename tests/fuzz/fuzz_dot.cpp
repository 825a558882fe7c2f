// SPDX-License-Identifier: MIT
// libFuzzer target: the DOT reader (cgraph's agmemread behind the project's lock) and the
// import that gives its nodes kinds, flows and zones (without the layout).
#include "import/DiagramImport.h"
#include "import/DotGraphReader.h"

using namespace mls;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    if (const auto graph = DotGraphReader::parse(bytes, &error))
        (void)DiagramImport::fromGraph(*graph, /*layout=*/false);
    return 0;
}
