// SPDX-License-Identifier: MIT
#include "TextWriter.h"

#include "Diagram.h"
#include "TextLexer.h"

#include <QRegularExpression>

namespace mls {

namespace {

/// `{latency_ms: 40, "odd key": "x"}`: bare keys where they can be, values as compact JSON.
QString relaxedObject(const Json &object)
{
    static const QRegularExpression bare(QStringLiteral("^[A-Za-z_][A-Za-z0-9_\\-]*$"));
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = toQt(it.key());
        const QString keyText =
            bare.match(key).hasMatch()
                ? key
                : toQt(Json(it.key()).dump(-1, ' ', false, Json::error_handler_t::replace));
        parts << keyText + QStringLiteral(": ") + toQt(dumpJson(it.value(), -1));
    }
    return QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
}

void writeAttributes(QString &out, const QString &id, const QString &notes,
                     const QVector<Waiver> &waivers, const Json &extra)
{
    const QString target = TextLexer::word(id);
    if (!notes.isEmpty())
        out += QStringLiteral("  note ") + target + QLatin1Char(' ') + TextLexer::quote(notes) +
               QLatin1Char('\n');
    for (const Waiver &w : waivers) {
        out += QStringLiteral("  waive ") + target + QLatin1Char(' ') + TextLexer::word(w.rule) +
               QLatin1Char(' ') + TextLexer::quote(w.reason);
        if (!w.extra.empty())
            out += QLatin1Char(' ') + relaxedObject(w.extra);
        out += QLatin1Char('\n');
    }
    if (extra.is_object() && !extra.empty())
        out += QStringLiteral("  extra ") + target + QLatin1Char(' ') + relaxedObject(extra) +
               QLatin1Char('\n');
}

} // namespace

QString TextWriter::componentLine(const Component &c)
{
    QString s = TextLexer::word(c.id) + QStringLiteral(": ") + TextLexer::word(c.kind);
    if (!c.label.isEmpty())
        s += QLatin1Char(' ') + TextLexer::quote(c.label);
    if (c.props.is_object() && !c.props.empty())
        s += QLatin1Char(' ') + relaxedObject(c.props);
    return s;
}

QString TextWriter::connectionLine(const Connection &c)
{
    QString s = TextLexer::word(c.id) + QStringLiteral(": ") + TextLexer::word(c.from) +
                QStringLiteral(" -> ") + TextLexer::word(c.to);
    if (!c.flow.isEmpty())
        s += QStringLiteral(" : ") + TextLexer::word(c.flow);
    if (!c.label.isEmpty())
        s += QLatin1Char(' ') + TextLexer::quote(c.label);
    return s;
}

QString TextWriter::zoneLine(const Group &g)
{
    QString s = QStringLiteral("zone ") + TextLexer::word(g.id);
    if (!g.label.isEmpty())
        s += QLatin1Char(' ') + TextLexer::quote(g.label);
    s += QStringLiteral(" {");
    for (const QString &m : g.members)
        s += QLatin1Char(' ') + TextLexer::word(m);
    return s + QStringLiteral(" }");
}

QString TextWriter::toText(const Diagram &d)
{
    QString out;
    const Meta &meta = d.meta();
    if (!meta.title.isEmpty())
        out += QStringLiteral("title ") + TextLexer::quote(meta.title) + QLatin1Char('\n');
    out += QStringLiteral("budget ") + QString::number(meta.latencyBudgetMs, 'g', 17) +
           QLatin1Char('\n');
    if (!meta.notes.isEmpty())
        out += QStringLiteral("note ") + TextLexer::quote(meta.notes) + QLatin1Char('\n');
    if (meta.extra.is_object() && !meta.extra.empty())
        out += QStringLiteral("meta ") + relaxedObject(meta.extra) + QLatin1Char('\n');
    if (d.extra().is_object() && !d.extra().empty())
        out += QStringLiteral("extra ") + relaxedObject(d.extra()) + QLatin1Char('\n');
    if (!d.components().empty())
        out += QLatin1Char('\n');
    for (const Component &c : d.components()) {
        out += componentLine(c) + QLatin1Char('\n');
        writeAttributes(out, c.id, c.notes, c.waivers, c.extra);
    }
    if (!d.connections().empty())
        out += QLatin1Char('\n');
    for (const Connection &c : d.connections()) {
        out += connectionLine(c) + QLatin1Char('\n');
        writeAttributes(out, c.id, {}, c.waivers, c.extra);
    }
    if (!d.groups().empty())
        out += QLatin1Char('\n');
    for (const Group &g : d.groups()) {
        out += zoneLine(g) + QLatin1Char('\n');
        writeAttributes(out, g.id, {}, {}, g.extra);
    }
    return out;
}

} // namespace mls
