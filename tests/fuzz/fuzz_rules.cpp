// SPDX-License-Identifier: MIT
// libFuzzer target: the rules, the latency analysis and the text exporters on whatever loads.
#include "DiagramReader.h"
#include "LatencyAnalysis.h"
#include "RuleEngine.h"
#include "export/DotExport.h"
#include "export/MermaidExport.h"
#include "export/ReviewExport.h"

using namespace mls;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ReadResult r = DiagramReader::read(bytes, QStringLiteral("fuzz.mlsketch"));
    if (!r.ok())
        return 0;
    RuleEngine engine;
    const QVector<Finding> findings = engine.check(*r.diagram);
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(*r.diagram);
    (void)DotExport::toDot(*r.diagram);
    (void)MermaidExport::toMermaid(*r.diagram);
    (void)ReviewExport::toMarkdown(*r.diagram, findings, paths, ReviewOptions{});
    return 0;
}
