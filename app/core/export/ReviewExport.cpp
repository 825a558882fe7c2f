// SPDX-License-Identifier: MIT
#include "ReviewExport.h"

#include "Catalog.h"
#include "DesignSteps.h"
#include "Diagram.h"
#include "RuleEngine.h"

#include <QRegularExpression>
#include <QTextStream>
#include <QUrl>

#include <utility>

namespace mls {

namespace {

QString labelOf(const Diagram &d, const QString &id)
{
    const Component *c = d.component(id);
    return c ? Catalog::builtin().displayName(*c) : id;
}

QString ms(double v)
{
    return QString::number(v, 'f', v == std::floor(v) ? 0 : 1) + QStringLiteral(" ms");
}

QString countOf(qsizetype n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

void writeOverview(QTextStream &out, const Diagram &d, const QVector<Finding> &findings)
{
    int counts[3] = {0, 0, 0};
    int waived = 0;
    for (const Finding &f : findings) {
        if (f.waived())
            ++waived;
        else
            ++counts[int(f.severity())];
    }
    out << "| Overview | |\n| --- | --- |\n";
    out << "| Components | " << d.components().size() << " |\n";
    out << "| Connections | " << d.connections().size() << " |\n";
    out << "| Zones | " << d.groups().size() << " |\n";
    out << "| Latency budget | " << ms(d.meta().latencyBudgetMs) << " |\n";
    out << "| Findings | " << countOf(counts[int(Severity::Error)], "error", "errors") << ", "
        << countOf(counts[int(Severity::Warning)], "warning", "warnings") << ", "
        << counts[int(Severity::Info)] << " info";
    if (waived > 0)
        out << " (" << waived << " waived)";
    out << " |\n\n";
}

void writeFinding(QTextStream &out, const Diagram &d, const Finding &f, int number)
{
    QString severity = severityName(f.severity());
    severity[0] = severity[0].toUpper();
    out << "### " << number << ". " << severity << ": " << ReviewExport::escape(f.title()) << " ("
        << f.rule() << ")\n\n";
    out << ReviewExport::escape(f.message()) << "\n\n";
    if (!f.components().isEmpty()) {
        QStringList names;
        for (const QString &id : f.components())
            names << ReviewExport::escape(labelOf(d, id));
        out << "- **Components:** " << names.join(QStringLiteral(", ")) << '\n';
    }
    if (!f.explanation().isEmpty())
        out << "- **Why it matters:** " << ReviewExport::escape(f.explanation()) << '\n';
    if (!f.fix().isEmpty())
        out << "- **Suggested fix:** " << ReviewExport::escape(f.fix()) << '\n';
    if (f.waived())
        out << "- **Waived:** " << ReviewExport::escape(f.waiverReason()) << '\n';
    out << '\n';
}

void writeFindings(QTextStream &out, const Diagram &d, const QVector<Finding> &findings)
{
    out << "## Findings\n\n";
    if (findings.isEmpty()) {
        out << "No findings: the design passes every design rule.\n\n";
        return;
    }
    int number = 0;
    for (const Finding &f : findings) {
        if (!f.waived())
            writeFinding(out, d, f, ++number);
    }
    if (number == 0)
        out << "No open findings.\n\n";
    if (number < findings.size()) {
        out << "### Waived\n\n";
        for (const Finding &f : findings) {
            if (f.waived())
                out << "- " << f.rule() << ' ' << severityName(f.severity()) << ": "
                    << ReviewExport::escape(f.message()) << " *Waived:* "
                    << ReviewExport::escape(f.waiverReason()) << '\n';
        }
        out << '\n';
    }
}

void writeSteps(QTextStream &out, const Diagram &d)
{
    const auto steps = DesignSteps::of(d.meta());
    if (steps.isEmpty())
        return;
    out << "## Design, step by step\n\n";
    for (const auto &[id, text] : steps)
        out << "### " << ReviewExport::escape(DesignSteps::title(id)) << "\n\n"
            << ReviewExport::escapeBlock(text) << "\n\n";
}

void writeLatency(QTextStream &out, const Diagram &d, const QVector<LatencyPath> &paths)
{
    if (paths.isEmpty())
        return;
    out << "## Latency\n\n";
    out << "The slowest chain of synchronous calls and store lookups (p99) behind each client, "
           "against the budget of "
        << ms(d.meta().latencyBudgetMs) << ".\n\n";
    out << "| Client | Critical path | p99 | Budget | Verdict |\n";
    out << "| --- | --- | ---: | ---: | --- |\n";
    for (const LatencyPath &p : paths) {
        QStringList hops;
        for (const LatencyHop &h : p.hops)
            hops << ReviewExport::escape(labelOf(d, h.component)) +
                        (h.lookup ? QStringLiteral(" (lookup, ") : QStringLiteral(" (")) +
                        ms(h.latencyMs) + QLatin1Char(')');
        out << "| " << ReviewExport::escape(labelOf(d, p.client)) << " | "
            << hops.join(QStringLiteral(" → ")) << " | " << ms(p.totalMs) << " | " << ms(p.budgetMs)
            << " | " << (p.overBudget() ? "**over budget**" : "within budget") << " |\n";
    }
    out << '\n';
}

void writeComponents(QTextStream &out, const Diagram &d)
{
    out << "## Components\n\n";
    if (d.components().empty()) {
        out << "The diagram is empty.\n\n";
        return;
    }
    out << "| Component | Kind | Zone | Notes |\n| --- | --- | --- | --- |\n";
    for (const Component &c : d.components()) {
        QStringList zones;
        for (const QString &g : d.groupsOf(c.id)) {
            if (const Group *group = d.group(g))
                zones << ReviewExport::escape(group->label);
        }
        out << "| " << ReviewExport::escape(labelOf(d, c.id)) << " | "
            << ReviewExport::escape(Catalog::builtin().kindLabel(c.kind)) << " | "
            << zones.join(QStringLiteral(", ")) << " | " << ReviewExport::escape(c.notes.trimmed())
            << " |\n";
    }
    out << '\n';
}

void writeConnections(QTextStream &out, const Diagram &d)
{
    if (d.connections().empty())
        return;
    out << "## Connections\n\n| From | To | Flow | Label |\n| --- | --- | --- | --- |\n";
    for (const Connection &e : d.connections())
        out << "| " << ReviewExport::escape(labelOf(d, e.from)) << " | "
            << ReviewExport::escape(labelOf(d, e.to)) << " | "
            << ReviewExport::escape(Catalog::builtin().flowLabel(e.flow)) << " | "
            << ReviewExport::escape(e.label) << " |\n";
    out << '\n';
}

/// The board's notes, in file order, each a quoted block (they are annotations: no rule reads
/// them). Nothing when no note holds text.
void writeNotes(QTextStream &out, const Diagram &d)
{
    bool first = true;
    for (const Note &n : d.notes()) {
        const QString text = n.text.trimmed();
        if (text.isEmpty())
            continue;
        if (std::exchange(first, false))
            out << "## Notes on the board\n\n";
        out << "> "
            << ReviewExport::escapeBlock(text).replace(QLatin1Char('\n'), QStringLiteral("\n> "))
            << "\n\n";
    }
}

} // namespace

QString ReviewExport::escape(const QString &text)
{
    QString s;
    s.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        switch (ch.unicode()) {
        case '&': {
            // Only where it would start an entity ("&lt;", "&#65;"): "R&D" and "A & B" stay.
            qsizetype end = i + 1;
            while (end < text.size() && (text[end].isLetterOrNumber() || text[end] == '#'))
                ++end;
            const bool entity = end > i + 1 && end < text.size() && text[end] == QLatin1Char(';');
            s += entity ? QLatin1String("&amp;") : QLatin1String("&");
            break;
        }
        case '<':
            s += QLatin1String("&lt;");
            break;
        case '>':
            s += QLatin1String("&gt;");
            break;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '|': // a table cell
        case '~': // strikethrough
        case '$': // math on GitHub
            s += QLatin1Char('\\');
            s += ch;
            break;
        case '\n':
            s += QLatin1String("<br>");
            break;
        case '\r':
        case 0:
            break;
        default:
            s += ch;
        }
    }
    return s;
}

QString ReviewExport::escapeBlock(const QString &text)
{
    // At the start of a line: headings, lists, quotes, setext underlines, numbered lists.
    static const QRegularExpression lineStart(QStringLiteral("^([#+\\-=>]|\\d+(?=[.)]))"));
    QStringList lines;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        QString line = escape(raw.trimmed()); // leading spaces would make a code block
        const QRegularExpressionMatch m = lineStart.match(line);
        if (m.hasMatch()) {
            const int at = int(m.capturedLength());
            line.insert(m.captured(0).front().isDigit() ? at : 0, QLatin1Char('\\'));
        }
        if (!lines.isEmpty() && !lines.last().isEmpty() && !line.isEmpty())
            lines.last() += QLatin1String("  "); // a hard line break, as the author wrote it
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString ReviewExport::toMarkdown(const Diagram &diagram, const ReviewOptions &options)
{
    RuleEngine engine;
    return toMarkdown(diagram, engine.check(diagram), LatencyAnalysis::analyze(diagram), options);
}

QString ReviewExport::toMarkdown(const Diagram &d, QVector<Finding> findings,
                                 const QVector<LatencyPath> &latency, const ReviewOptions &options)
{
    RuleEngine::sort(findings);
    const QString title =
        d.meta().title.isEmpty() ? QStringLiteral("Untitled design") : d.meta().title;
    QString text;
    QTextStream out(&text);
    out << "# " << escape(title) << ": design review\n\n";
    if (!options.sourceName.isEmpty())
        out << "*Reviewed file:* " << escape(options.sourceName) << "  \n";
    out << "*Generated by mlsketch.*\n\n";
    if (!options.imageFile.isEmpty())
        out << "![" << escape(title) << "]("
            << QString::fromLatin1(QUrl::toPercentEncoding(options.imageFile, "/")) << ")\n\n";
    if (!d.meta().notes.trimmed().isEmpty())
        out << escapeBlock(d.meta().notes.trimmed()) << "\n\n";
    writeOverview(out, d, findings);
    writeFindings(out, d, findings);
    writeLatency(out, d, latency);
    writeSteps(out, d);
    writeComponents(out, d);
    writeConnections(out, d);
    writeNotes(out, d);
    out.flush();
    return text;
}

} // namespace mls
