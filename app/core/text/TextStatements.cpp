// SPDX-License-Identifier: MIT
#include "TextStatements.h"

#include "Catalog.h"

#include <QRegularExpression>

namespace mls {

namespace {

using Type = TextToken::Type;

struct LineError
{
    QString what;
};

/// `{latency_ms: 40}` → JSON: bare keys are quoted, the rest must be JSON.
Json relaxedObject(const QString &inner, const ReadLimits &limits)
{
    static const QRegularExpression bareKey(
        QStringLiteral(R"((^|[{,]\s*)([A-Za-z_][A-Za-z0-9_\-]*)(\s*:))"));
    QString json;
    // Quote bare keys outside strings only: split the text at string boundaries.
    bool inString = false;
    QString chunk;
    auto flush = [&] {
        if (!inString)
            chunk.replace(bareKey, QStringLiteral("\\1\"\\2\"\\3"));
        json += chunk;
        chunk.clear();
    };
    int depth = 1;
    for (int i = 0; i < inner.size(); ++i) {
        const QChar ch = inner.at(i);
        if (inString && ch == QLatin1Char('\\') && i + 1 < inner.size()) {
            chunk += ch;
            chunk += inner.at(++i);
            continue;
        }
        if (ch == QLatin1Char('"')) {
            if (!inString)
                flush();
            chunk += ch;
            if (inString)
                flush();
            inString = !inString;
            continue;
        }
        if (!inString && (ch == QLatin1Char('{') || ch == QLatin1Char('[')) &&
            ++depth > limits.maxDepth)
            throw LineError{QStringLiteral("nesting deeper than %1 levels").arg(limits.maxDepth)};
        if (!inString && (ch == QLatin1Char('}') || ch == QLatin1Char(']')))
            --depth;
        chunk += ch;
    }
    flush();
    const Json value =
        Json::parse(toStd(QLatin1Char('{') + json + QLatin1Char('}')), nullptr, false);
    if (value.is_discarded() || !value.is_object())
        throw LineError{QStringLiteral("{%1} is not a list of key: value pairs").arg(inner)};
    return value;
}

QString inferFlow(const Catalog &cat, const QString &fromKind, const QString &toKind,
                  QString *error)
{
    const QStringList flows = cat.compatibleFlows(fromKind, toKind);
    if (flows.size() == 1)
        return flows.constFirst();
    *error = flows.isEmpty() ? QStringLiteral("no flow fits %1 → %2; name one after a colon")
                                   .arg(cat.kindLabel(fromKind), cat.kindLabel(toKind))
                             : QStringLiteral("several flows fit (%1); name one after a colon")
                                   .arg(flows.join(QLatin1String(", ")));
    return {};
}

} // namespace

void TextStatements::line(int number, const QString &text)
{
    QString error;
    const Tokens t = TextLexer::tokenize(text, &error);
    try {
        if (!error.isEmpty())
            throw LineError{error};
        if (!t.isEmpty())
            statement(number, t);
    } catch (const LineError &e) {
        issue(number, e.what);
    }
}

QString TextStatements::id(const TextToken &t) const
{
    if (t.type != Type::Word && t.type != Type::String)
        throw LineError{QStringLiteral("expected an id at column %1").arg(t.column + 1)};
    if (t.text.isEmpty())
        throw LineError{QStringLiteral("an id cannot be empty")};
    if (t.text.size() > m_limits.maxIdLength)
        throw LineError{
            QStringLiteral("an id longer than %1 characters").arg(m_limits.maxIdLength)};
    return t.text;
}

QString TextStatements::label(const TextToken &t) const
{
    if (t.text.size() > m_limits.maxLabelLength)
        throw LineError{
            QStringLiteral("a label longer than %1 characters").arg(m_limits.maxLabelLength)};
    return t.text;
}

void TextStatements::expectEnd(const Tokens &t, int from)
{
    if (from < t.size())
        throw LineError{QStringLiteral("unexpected \"%1\" at column %2")
                            .arg(t[from].text.left(40))
                            .arg(t[from].column + 1)};
}

void TextStatements::declare(const QString &id)
{
    if (m_ids.contains(id))
        throw LineError{QStringLiteral("the id \"%1\" is already used").arg(id)};
    m_ids.insert(id);
}

void TextStatements::statement(int line, const Tokens &t)
{
    if (t.size() >= 2 && t[1].type == Type::Colon) {
        if (t.size() >= 4 && t[3].type == Type::Arrow)
            return connection(line, t, 2, id(t[0]));
        return component(line, t);
    }
    if (t.size() >= 2 && t[1].type == Type::Arrow)
        return connection(line, t, 0, {});
    keyword(line, t);
}

void TextStatements::component(int line, const Tokens &t)
{
    Component c;
    c.id = id(t[0]);
    if (t.size() < 3 || t[2].type != Type::Word)
        throw LineError{QStringLiteral("a kind must follow \"%1:\"").arg(c.id)};
    c.kind = t[2].text;
    int i = 3;
    if (i < t.size() && (t[i].type == Type::String))
        c.label = label(t[i++]);
    if (i < t.size() && t[i].type == Type::Block)
        c.props = relaxedObject(t[i++].text, m_limits);
    expectEnd(t, i);
    if (int(m_components.size()) >= m_limits.maxComponents)
        throw LineError{QStringLiteral("more than %1 components").arg(m_limits.maxComponents)};
    declare(c.id);
    if (!Catalog::builtin().kind(c.kind))
        issue(line,
              QStringLiteral("unknown kind \"%1\"; kept and shown as an unknown kind").arg(c.kind),
              false);
    m_components.emplace_back(line, c);
}

void TextStatements::connection(int line, const Tokens &t, int start, const QString &explicitId)
{
    ConnectionDecl d{line, {}};
    d.c.id = explicitId;
    d.c.from = id(t[start]);
    if (start + 2 >= t.size())
        throw LineError{QStringLiteral("a target must follow \"->\"")};
    d.c.to = id(t[start + 2]);
    int i = start + 3;
    if (i < t.size() && t[i].type == Type::Colon) {
        if (i + 1 >= t.size() || t[i + 1].type != Type::Word)
            throw LineError{QStringLiteral("a flow must follow \":\"")};
        d.c.flow = t[i + 1].text;
        i += 2;
    }
    if (i < t.size() && t[i].type == Type::String)
        d.c.label = label(t[i++]);
    expectEnd(t, i);
    if (int(m_connections.size()) >= m_limits.maxConnections)
        throw LineError{QStringLiteral("more than %1 connections").arg(m_limits.maxConnections)};
    if (!explicitId.isEmpty())
        declare(explicitId);
    m_connections.push_back(d);
}

void TextStatements::keyword(int line, const Tokens &t)
{
    const QString &k = t[0].text;
    if (t[0].type != Type::Word)
        throw LineError{QStringLiteral("a line starts with an id, or with title, budget, note, "
                                       "zone, waive, extra or meta")};
    if (k == QLatin1String("title") && t.size() == 2 && t[1].type == Type::String) {
        m_meta.title = label(t[1]);
    } else if (k == QLatin1String("budget") && t.size() == 2) {
        bool ok = false;
        const double v = t[1].text.toDouble(&ok);
        if (!ok || !(v >= 0 && v <= 1e7))
            throw LineError{QStringLiteral("budget takes a number of milliseconds, not \"%1\"")
                                .arg(t[1].text.left(40))};
        m_meta.latencyBudgetMs = v;
    } else if (k == QLatin1String("note") && t.size() == 2 && t[1].type == Type::String) {
        m_meta.notes = t[1].text;
    } else if ((k == QLatin1String("meta") || k == QLatin1String("extra")) && t.size() == 2 &&
               t[1].type == Type::Block) {
        (k == QLatin1String("meta") ? m_meta.extra : m_extra) = relaxedObject(t[1].text, m_limits);
    } else if (k == QLatin1String("zone") && t.size() >= 3) {
        ZoneDecl z{line, {}};
        z.g.id = id(t[1]);
        int i = 2;
        if (t[i].type == Type::String)
            z.g.label = label(t[i++]);
        if (i >= t.size() || t[i].type != Type::Block)
            throw LineError{QStringLiteral("zone members go in braces: zone %1 \"Label\" { a b }")
                                .arg(TextLexer::word(z.g.id))};
        QString error;
        for (const TextToken &m : TextLexer::tokenize(t[i].text, &error))
            z.g.members << id(m);
        if (!error.isEmpty())
            throw LineError{error};
        expectEnd(t, i + 1);
        if (int(m_zones.size()) >= m_limits.maxGroups)
            throw LineError{QStringLiteral("more than %1 zones").arg(m_limits.maxGroups)};
        declare(z.g.id);
        m_zones.push_back(z);
    } else if ((k == QLatin1String("note") && t.size() == 3 && t[2].type == Type::String) ||
               (k == QLatin1String("extra") && t.size() == 3 && t[2].type == Type::Block) ||
               (k == QLatin1String("waive") && t.size() >= 4 && t[3].type == Type::String)) {
        AttributeDecl a{line, k, id(t[1]), {}, {}, {}};
        if (k == QLatin1String("note"))
            a.text = t[2].text;
        else if (k == QLatin1String("extra"))
            a.extra = relaxedObject(t[2].text, m_limits);
        else {
            a.waiver.rule = t[2].text;
            a.waiver.reason = t[3].text;
            if (t.size() >= 5 && t[4].type == Type::Block)
                a.waiver.extra = relaxedObject(t[4].text, m_limits);
            expectEnd(t, t.size() >= 5 && t[4].type == Type::Block ? 5 : 4);
        }
        m_attributes.push_back(a);
    } else {
        throw LineError{QStringLiteral("cannot read \"%1\": expected `id: kind \"Label\"`, "
                                       "`a -> b : flow`, `zone id \"Label\" { a b }` or a "
                                       "title, budget or note line")
                            .arg(k.left(40))};
    }
}

void TextStatements::finish()
{
    Diagram &d = *m_r.diagram;
    const Catalog &cat = Catalog::builtin();
    d.setMeta(m_meta);
    d.setExtra(m_extra);
    d.reserve(int(m_components.size()), int(m_connections.size()));
    for (const auto &[line, c] : m_components)
        d.insertComponent(int(d.components().size()), c);
    int next = 1;
    for (ConnectionDecl &decl : m_connections) {
        Connection &c = decl.c;
        for (const QString &end : {c.from, c.to}) {
            if (!d.component(end)) {
                issue(decl.line, QStringLiteral("no component \"%1\"").arg(end));
                c.from.clear();
            }
        }
        if (c.from.isEmpty())
            continue;
        if (c.flow.isEmpty()) {
            QString error;
            c.flow = inferFlow(cat, d.component(c.from)->kind, d.component(c.to)->kind, &error);
            if (c.flow.isEmpty()) {
                issue(decl.line, error);
                continue;
            }
        } else if (!cat.flow(c.flow)) {
            issue(decl.line,
                  QStringLiteral("unknown flow \"%1\"; kept, and flagged by the rules").arg(c.flow),
                  false);
        }
        if (c.id.isEmpty()) {
            while (m_ids.contains(QStringLiteral("e%1").arg(next)))
                ++next;
            c.id = QStringLiteral("e%1").arg(next++);
            m_ids.insert(c.id);
        }
        d.insertConnection(int(d.connections().size()), c);
    }
    for (const ZoneDecl &z : m_zones) {
        QString missing;
        for (const QString &m : z.g.members) {
            if (!d.component(m))
                missing = m;
        }
        if (!missing.isEmpty())
            issue(z.line, QStringLiteral("zone %1: no component \"%2\"").arg(z.g.id, missing));
        else
            d.insertGroup(int(d.groups().size()), z.g);
    }
    for (const AttributeDecl &a : m_attributes) {
        if (const Component *c = d.component(a.target)) {
            Component copy = *c;
            if (a.keyword == QLatin1String("note"))
                copy.notes = a.text;
            else if (a.keyword == QLatin1String("extra"))
                copy.extra = a.extra;
            else
                copy.waivers.append(a.waiver);
            d.updateComponent(copy);
        } else if (const Connection *e = d.connection(a.target);
                   e && a.keyword != QLatin1String("note")) {
            Connection copy = *e;
            if (a.keyword == QLatin1String("extra"))
                copy.extra = a.extra;
            else
                copy.waivers.append(a.waiver);
            d.updateConnection(copy);
        } else if (const Group *g = d.group(a.target); g && a.keyword == QLatin1String("extra")) {
            Group copy = *g;
            copy.extra = a.extra;
            d.updateGroup(copy);
        } else {
            issue(a.line,
                  QStringLiteral("%1: no element \"%2\" takes it").arg(a.keyword, a.target));
        }
    }
    std::stable_sort(m_r.issues.begin(), m_r.issues.end(),
                     [](const TextIssue &a, const TextIssue &b) { return a.line < b.line; });
}

} // namespace mls
