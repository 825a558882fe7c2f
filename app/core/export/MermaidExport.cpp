// SPDX-License-Identifier: MIT
#include "MermaidExport.h"

#include "Catalog.h"
#include "Diagram.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QTextStream>

namespace mls {

namespace {

/// Unique Mermaid ids for every component and zone, fixed before anything is written.
class IdMap
{
public:
    QString add(const QString &prefix, const QString &id)
    {
        QString name = prefix + MermaidExport::sanitizeId(id).mid(2);
        if (m_used.contains(name)) { // "a-b" and "a_b" both sanitise to "a_b"
            int n = 2;
            while (m_used.contains(name + QLatin1Char('_') + QString::number(n)))
                ++n;
            name += QLatin1Char('_') + QString::number(n);
        }
        m_used.insert(name);
        m_names.insert(prefix + id, name);
        return name;
    }
    QString operator()(const QString &prefix, const QString &id) const
    {
        return m_names.value(prefix + id);
    }

private:
    QSet<QString> m_used;
    QHash<QString, QString> m_names;
};

QString nodeText(const Component &c, const IdMap &ids)
{
    const KindInfo *kind = Catalog::builtin().kind(c.kind);
    const QString kindText = Catalog::builtin().kindLabel(c.kind);
    const QString label = Catalog::builtin().displayName(c);
    QString text = MermaidExport::escapeLabel(label);
    if (label != kindText)
        text += QStringLiteral("<br/><small>") + MermaidExport::escapeLabel(kindText) +
                QStringLiteral("</small>");
    const QString id = ids(QStringLiteral("n_"), c.id);
    if (kind && kind->placement == Placement::Store)
        return id + QStringLiteral("[(\"") + text + QStringLiteral("\")]");
    if (kind && kind->has(KindRole::RequestOrigin))
        return id + QStringLiteral("([\"") + text + QStringLiteral("\"])");
    return id + QStringLiteral("(\"") + text + QStringLiteral("\")");
}

QString className(const Component &c)
{
    const KindInfo *kind = Catalog::builtin().kind(c.kind);
    return kind ? QStringLiteral("cat_") + MermaidExport::sanitizeId(kind->category).mid(2)
                : QStringLiteral("unknown_kind");
}

void writeStyles(QTextStream &out, const Diagram &d, const IdMap &ids)
{
    QMap<QString, QStringList> byClass; // sorted: stable output
    for (const Component &c : d.components())
        byClass[className(c)] << ids(QStringLiteral("n_"), c.id);
    for (auto it = byClass.cbegin(); it != byClass.cend(); ++it) {
        const QString &cls = it.key();
        if (cls == QLatin1String("unknown_kind")) {
            out << "  classDef unknown_kind fill:#ffffff,stroke:#dc2626,stroke-dasharray:4 3\n";
        } else {
            const Category *cat = Catalog::builtin().category(cls.mid(4));
            const QString color = cat ? cat->color.name() : QStringLiteral("#9ca3af");
            out << "  classDef " << cls << " fill:#ffffff,stroke:" << color
                << ",stroke-width:2px,color:#1f2937\n";
        }
        out << "  class " << it.value().join(QLatin1Char(',')) << ' ' << cls << '\n';
    }
}

void writeLinks(QTextStream &out, const Diagram &d, const IdMap &ids)
{
    QMap<QString, QStringList> byColor; // link indexes per colour, for linkStyle
    int index = 0;
    for (const Connection &e : d.connections()) {
        const FlowType *flow = Catalog::builtin().flow(e.flow);
        const QString flowText = Catalog::builtin().flowLabel(e.flow);
        const QString text = e.label.isEmpty()
                                 ? flowText
                                 : e.label + QStringLiteral(" (") + flowText + QLatin1Char(')');
        const bool solid = flow && flow->style == FlowType::Style::Solid;
        out << "  " << ids(QStringLiteral("n_"), e.from) << (solid ? " -->|\"" : " -.->|\"")
            << MermaidExport::escapeLabel(text) << "\"| " << ids(QStringLiteral("n_"), e.to)
            << '\n';
        byColor[flow ? flow->color.name() : QStringLiteral("#dc2626")] << QString::number(index++);
    }
    for (auto it = byColor.cbegin(); it != byColor.cend(); ++it)
        out << "  linkStyle " << it.value().join(QLatin1Char(',')) << " stroke:" << it.key()
            << ",color:" << it.key() << '\n';
}

/// A YAML double-quoted scalar on one line (the front matter is YAML, not a Mermaid label).
QString yamlQuoted(const QString &text)
{
    QString s = QStringLiteral("\"");
    for (const QChar ch : text) {
        if (ch == QLatin1Char('\\') || ch == QLatin1Char('"'))
            s += QLatin1Char('\\');
        if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r'))
            s += QLatin1Char(' ');
        else if (ch.unicode() >= 0x20)
            s += ch;
    }
    return s + QLatin1Char('"');
}

} // namespace

QString MermaidExport::escapeLabel(const QString &text)
{
    QString s;
    s.reserve(text.size());
    for (const QChar ch : text) {
        switch (ch.unicode()) {
        case '"':
            s += QLatin1String("#quot;");
            break;
        case '<':
            s += QLatin1String("#lt;");
            break;
        case '>':
            s += QLatin1String("#gt;");
            break;
        case '&':
            s += QLatin1String("#amp;");
            break;
        case '#':
            s += QLatin1String("#35;");
            break;
        case '%':
            s += QLatin1String("#37;");
            break;
        case '|':
            s += QLatin1String("#124;");
            break;
        case '`':
            s += QLatin1String("#96;");
            break;
        case '\n':
            s += QLatin1String("<br/>");
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

QString MermaidExport::sanitizeId(const QString &id)
{
    QString s = QStringLiteral("n_");
    for (const QChar ch : id) {
        const bool plain = (ch >= QLatin1Char('a') && ch <= QLatin1Char('z')) ||
                           (ch >= QLatin1Char('A') && ch <= QLatin1Char('Z')) ||
                           (ch >= QLatin1Char('0') && ch <= QLatin1Char('9'));
        s += plain ? ch : QLatin1Char('_');
    }
    return s;
}

QString MermaidExport::toMermaid(const Diagram &d)
{
    IdMap ids;
    for (const Component &c : d.components())
        ids.add(QStringLiteral("n_"), c.id);
    for (const Group &g : d.groups())
        ids.add(QStringLiteral("z_"), g.id);

    QString text;
    QTextStream out(&text);
    if (!d.meta().title.isEmpty()) // front matter: Mermaid shows it as the diagram's title
        out << "---\ntitle: " << yamlQuoted(d.meta().title) << "\n---\n";
    out << "flowchart LR\n";
    // A node sits in the first zone that lists it: Mermaid moves a node mentioned in two
    // subgraphs into the last, and zones here may overlap.
    QSet<QString> placed;
    for (const Group &g : d.groups()) {
        out << "  subgraph " << ids(QStringLiteral("z_"), g.id) << "[\"" << escapeLabel(g.label)
            << "\"]\n";
        for (const QString &m : g.members) {
            const Component *c = d.component(m);
            if (c && !placed.contains(m)) {
                out << "    " << nodeText(*c, ids) << '\n';
                placed.insert(m);
            }
        }
        out << "  end\n";
    }
    for (const Component &c : d.components()) {
        if (!placed.contains(c.id))
            out << "  " << nodeText(c, ids) << '\n';
    }
    writeLinks(out, d, ids);
    writeStyles(out, d, ids);
    // Notes are annotations, not nodes: "%%" comments, which Mermaid does not draw.
    for (const Note &n : d.notes()) {
        out << "  %% " << (n.style == Note::Style::Sticky ? "sticky note " : "note ") << n.id
            << ":\n";
        for (const QString &line : n.text.split(QLatin1Char('\n')))
            out << "  %% " << QString(line).remove(QLatin1Char('\r')).remove(QChar(0)) << '\n';
    }
    out.flush();
    return text;
}

} // namespace mls
