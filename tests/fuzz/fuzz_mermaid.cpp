// SPDX-License-Identifier: MIT
// libFuzzer target: the Mermaid reader and the import that gives its nodes kinds, flows and
// zones (without the Graphviz layout, which is not ours to fuzz and slow per input).
#include "import/DiagramImport.h"
#include "import/MermaidParser.h"

using namespace mls;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)MermaidParser::looksLikeMermaid(text);
    (void)MermaidParser::mermaidBlocks(text);
    QString error;
    if (const auto graph = MermaidParser::parse(text, &error))
        (void)DiagramImport::fromGraph(*graph, /*layout=*/false);
    return 0;
}
