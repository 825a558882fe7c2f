// SPDX-License-Identifier: MIT
#include "MermaidParser.h"

#include "FlowchartReader.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace mls {

namespace {

/// True when the `;` at @p i ends an entity such as `&amp;` or `#quot;` (label text).
bool endsEntity(const QString &line, int i)
{
    int j = i - 1;
    while (j >= 0 && line.at(j).isLetterOrNumber())
        --j;
    if (j >= 0 && line.at(j) == QLatin1Char('#') && j > 0 && line.at(j - 1) == QLatin1Char('&'))
        --j;
    return j >= 0 && j < i - 1 &&
           (line.at(j) == QLatin1Char('&') || line.at(j) == QLatin1Char('#'));
}

/// Splits a line at `;` outside quotes and brackets.
QStringList statements(const QString &line)
{
    QStringList out;
    int depth = 0;
    bool quoted = false;
    int start = 0;
    for (int i = 0; i < line.size(); ++i) {
        const QChar ch = line.at(i);
        if (ch == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted &&
                 (ch == QLatin1Char('[') || ch == QLatin1Char('(') || ch == QLatin1Char('{')))
            ++depth;
        else if (!quoted &&
                 (ch == QLatin1Char(']') || ch == QLatin1Char(')') || ch == QLatin1Char('}')))
            depth = std::max(0, depth - 1);
        else if (!quoted && depth == 0 && ch == QLatin1Char(';') && !endsEntity(line, i)) {
            out << line.mid(start, i - start);
            start = i + 1;
        }
    }
    out << line.mid(start);
    return out;
}

/// Lines after the YAML front matter; @p title receives its `title:`.
QStringList bodyLines(const QString &text, QString *title, int *firstLine)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    *firstLine = 1;
    int i = 0;
    while (i < lines.size() && lines[i].trimmed().isEmpty())
        ++i;
    if (i < lines.size() && lines[i].trimmed() == QLatin1String("---")) {
        for (int j = i + 1; j < lines.size(); ++j) {
            const QString l = lines[j].trimmed();
            if (l == QLatin1String("---")) {
                *firstLine = j + 2;
                return lines.mid(j + 1);
            }
            if (l.startsWith(QLatin1String("title:")))
                *title = FlowchartReader::unquote(l.mid(6));
        }
    }
    return lines;
}

} // namespace

bool MermaidParser::looksLikeMermaid(const QString &text)
{
    static const QRegularExpression header(QStringLiteral("^\\s*(flowchart|graph)\\b"),
                                           QRegularExpression::MultilineOption);
    QString title;
    int first = 1;
    bool inDirective = false;
    for (const QString &l : bodyLines(text, &title, &first)) {
        const QString t = l.trimmed();
        if (inDirective || t.startsWith(QLatin1String("%%{"))) {
            inDirective = !t.contains(QLatin1String("}%%"));
            continue;
        }
        if (t.isEmpty() || t.startsWith(QLatin1String("%%")))
            continue;
        return header.match(t).hasMatch();
    }
    return false;
}

std::optional<ImportedGraph> MermaidParser::parse(const QString &text, QString *error)
{
    static const QRegularExpression header(
        QStringLiteral("^(flowchart|graph)(?:\\s+(TB|TD|BT|RL|LR))?\\s*;?\\s*(.*)$"));
    ImportedGraph g;
    int first = 1;
    const QStringList lines = bodyLines(text, &g.title, &first);
    FlowchartReader reader(g);
    bool started = false;
    bool inDirective = false;
    for (int i = 0; i < lines.size(); ++i) {
        const int number = first + i;
        QString line = lines[i];
        line.remove(QLatin1Char('\r'));
        const QString t = line.trimmed();
        // %%{init: …}%% directives may span lines.
        if (inDirective || t.startsWith(QLatin1String("%%{"))) {
            inDirective = !t.contains(QLatin1String("}%%"));
            continue;
        }
        if (t.isEmpty() || t.startsWith(QLatin1String("%%")))
            continue;
        if (!started) {
            const auto m = header.match(t);
            if (!m.hasMatch()) {
                *error = QStringLiteral("line %1: not a Mermaid flowchart (it must start with "
                                        "\"flowchart\" or \"graph\", not \"%2\")")
                             .arg(number)
                             .arg(t.left(40));
                return std::nullopt;
            }
            started = true;
            const QString dir = m.captured(2);
            g.topToBottom = dir.isEmpty() || dir == QLatin1String("TB") ||
                            dir == QLatin1String("TD") || dir == QLatin1String("BT");
            line = m.captured(3);
        }
        for (const QString &s : statements(line))
            reader.statement(number, s);
    }
    if (!started) {
        *error = QStringLiteral("no Mermaid flowchart found (empty text)");
        return std::nullopt;
    }
    reader.finish();
    return g;
}

QStringList MermaidParser::mermaidBlocks(const QString &markdown)
{
    static const QRegularExpression fence(
        QStringLiteral("^[ \\t]*(```+|~~~+)[ \\t]*(mermaid)?[^\\n]*$"),
        QRegularExpression::MultilineOption);
    QStringList blocks;
    qsizetype pos = 0;
    for (;;) {
        const auto open = fence.match(markdown, pos);
        if (!open.hasMatch())
            break;
        const QString marker = open.captured(1);
        const qsizetype bodyStart = open.capturedEnd() + 1;
        qsizetype close = markdown.indexOf(QLatin1Char('\n') + marker, open.capturedEnd());
        if (close < 0)
            close = markdown.size();
        if (!open.captured(2).isEmpty())
            blocks << markdown.mid(bodyStart, close - bodyStart);
        const qsizetype afterClose = markdown.indexOf(QLatin1Char('\n'), close + 1);
        if (afterClose < 0)
            break;
        pos = afterClose;
    }
    return blocks;
}

QString MermaidParser::firstMermaidBlock(const QString &markdown, int *count)
{
    const QStringList blocks = mermaidBlocks(markdown);
    if (count)
        *count = int(blocks.size());
    return blocks.isEmpty() ? markdown : blocks.constFirst();
}

} // namespace mls
