// SPDX-License-Identifier: MIT
#include "DotExport.h"

#include "CardGeometry.h"
#include "Catalog.h"
#include "Diagram.h"

#include <QSet>
#include <QTextStream>

namespace mls {

namespace {

constexpr qreal cardWidth = 212; // the board's card, in px; one px is drawn as one point
constexpr qreal cardHeight = 60;

QString colorOf(const QColor &c)
{
    return c.isValid() ? QStringLiteral("\"%1\"").arg(c.name(QColor::HexRgb))
                       : QStringLiteral("\"#9ca3af\"");
}

QString num(qreal v)
{
    return QString::number(v, 'f', 2); // QString::number ignores the C locale: always a dot
}

QString componentLabel(const Component &c)
{
    const QString kindText = Catalog::builtin().kindLabel(c.kind);
    const QString label = Catalog::builtin().displayName(c);
    return label == kindText ? label : label + QLatin1Char('\n') + kindText;
}

QString connectionLabel(const Connection &c)
{
    const QString flow = Catalog::builtin().flowLabel(c.flow);
    return c.label.isEmpty() ? flow : c.label + QStringLiteral(" (") + flow + QLatin1Char(')');
}

QString edgeStyle(const FlowType *flow)
{
    if (!flow || flow->style == FlowType::Style::Solid)
        return QStringLiteral("solid");
    return flow->style == FlowType::Style::Dashed ? QStringLiteral("dashed")
                                                  : QStringLiteral("dotted");
}

void writeNode(QTextStream &out, const Component &c, const QString &indent,
               const DotOptions &options, const QPointF &origin)
{
    const KindInfo *kind = Catalog::builtin().kind(c.kind);
    out << indent << DotExport::quoted(c.id)
        << " [label=" << DotExport::quotedLabel(componentLabel(c))
        << ", color=" << colorOf(kind ? kind->color : QColor());
    if (!kind)
        out << ", style=\"rounded,filled,dashed\"";
    if (options.positions) {
        // Graphviz's y axis points up: flip around the top of the board, so y stays positive.
        out << ", pos=\"" << num(c.pos.x() - origin.x()) << ',' << num(origin.y() - c.pos.y())
            << "!\"";
        const QSizeF size = CardGeometry::size(c); // a long label makes a wider, taller card
        if (size != QSizeF(cardWidth, cardHeight))
            out << ", width=" << num(size.width() / 72) << ", height=" << num(size.height() / 72);
    }
    out << "];\n";
}

/// The note as comment lines, each starting with @p prefix ("// ").
QString noteComment(const Note &n, const QString &prefix)
{
    QString text = prefix + QStringLiteral("%1 %2:\n")
                                .arg(n.style == Note::Style::Sticky ? QStringLiteral("sticky note")
                                                                    : QStringLiteral("note"),
                                     n.id);
    for (const QString &line : n.text.split(QLatin1Char('\n')))
        text +=
            prefix + QString(line).remove(QLatin1Char('\r')).remove(QChar(0)) + QLatin1Char('\n');
    return text;
}

void writeHeader(QTextStream &out, const Diagram &d, const DotOptions &options)
{
    out << "digraph "
        << DotExport::quoted(d.meta().title.isEmpty() ? QStringLiteral("mlsketch") : d.meta().title)
        << " {\n";
    out << "  graph [rankdir=LR, fontname=\"sans-serif\", fontsize=14, labelloc=t, "
           "nodesep=0.4, ranksep=0.8, bgcolor=\"#ffffff\"";
    if (!d.meta().title.isEmpty())
        out << ", label=" << DotExport::quotedLabel(d.meta().title);
    out << "];\n";
    out << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", penwidth=1.5, "
           "fontname=\"sans-serif\", fontsize=10, fontcolor=\"#1f2937\"";
    if (options.positions)
        out << ", fixedsize=true, width=" << num(cardWidth / 72)
            << ", height=" << num(cardHeight / 72);
    else
        out << ", margin=\"0.15,0.08\"";
    out << "];\n";
    out << "  edge [fontname=\"sans-serif\", fontsize=8, penwidth=1.2, arrowsize=0.7];\n";
}

} // namespace

QString DotExport::quoted(const QString &text)
{
    QString s;
    s.reserve(text.size() + 2);
    s += QLatin1Char('"');
    for (const QChar ch : text) {
        if (ch == QLatin1Char('\\') || ch == QLatin1Char('"'))
            s += QLatin1Char('\\');
        if (ch == QLatin1Char('\n'))
            s += QLatin1String("\\n");
        else if (ch != QLatin1Char('\r') && ch != QChar(0))
            s += ch;
    }
    s += QLatin1Char('"');
    return s;
}

QString DotExport::quotedLabel(const QString &text)
{
    QString s = text;
    return quoted(s.replace(QLatin1Char('&'), QLatin1String("&amp;")));
}

QByteArray DotExport::toDot(const Diagram &d, const DotOptions &options)
{
    QString text;
    QTextStream out(&text);
    writeHeader(out, d, options);

    // The top of the board's cards, in points with y up (only used with positions).
    QPointF origin(0, 0);
    bool first = true;
    for (const Component &c : d.components()) {
        const QPointF tl = CardGeometry::rect(c).topLeft();
        origin = first ? tl : QPointF(std::min(origin.x(), tl.x()), std::min(origin.y(), tl.y()));
        first = false;
    }
    qreal maxY = origin.y();
    for (const Component &c : d.components())
        maxY = std::max(maxY, CardGeometry::rect(c).bottom());
    origin.setY(maxY);

    // Zones as clusters. A cluster may not share nodes with a sibling, so a component in
    // several zones goes into the first one (as the auto layout does).
    QSet<QString> placed;
    int index = 0;
    for (const Group &g : d.groups()) {
        out << "  subgraph " << quoted(QStringLiteral("cluster_%1").arg(index++)) << " {\n";
        out << "    graph [label=" << quotedLabel(g.label)
            << ", style=\"rounded,dashed\", color=\"#64748b\", fontcolor=\"#475569\"];\n";
        for (const QString &m : g.members) {
            const Component *c = d.component(m);
            if (c && !placed.contains(m)) {
                writeNode(out, *c, QStringLiteral("    "), options, origin);
                placed.insert(m);
            }
        }
        out << "  }\n";
    }
    for (const Component &c : d.components()) {
        if (!placed.contains(c.id))
            writeNode(out, c, QStringLiteral("  "), options, origin);
    }
    for (const Connection &e : d.connections()) {
        const FlowType *flow = Catalog::builtin().flow(e.flow);
        const QString color = colorOf(flow ? flow->color : QColor(0xDC, 0x26, 0x26));
        out << "  " << quoted(e.from) << " -> " << quoted(e.to)
            << " [label=" << quotedLabel(connectionLabel(e)) << ", color=" << color
            << ", fontcolor=" << color << ", style=" << edgeStyle(flow) << "];\n";
    }
    // Notes are annotations, not nodes: comments, so they never change a layout.
    for (const Note &n : d.notes())
        out << noteComment(n, QStringLiteral("  // "));
    out << "}\n";
    out.flush();
    return text.toUtf8();
}

} // namespace mls
