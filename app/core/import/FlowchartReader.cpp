// SPDX-License-Identifier: MIT
#include "FlowchartReader.h"

#include <QRegularExpression>

namespace mls {

namespace {

constexpr int maxSubgraphDepth = 64;
constexpr qsizetype maxEdges = 400000; ///< the file reader's cap on connections

struct Shape
{
    const char *open;
    const char *close;
    const char *altClose; ///< trapezoids close with either slash
};

// Longest openers first, so "((" is not read as "(".
const Shape shapes[] = {
    {"(((", ")))", nullptr}, {"((", "))", nullptr}, {"([", "])", nullptr}, {"[[", "]]", nullptr},
    {"[(", ")]", nullptr},   {"{{", "}}", nullptr}, {"[/", "/]", "\\]"},   {"[\\", "\\]", "/]"},
    {"(", ")", nullptr},     {"[", "]", nullptr},   {"{", "}", nullptr},   {">", "]", nullptr},
};

struct StatementError
{
    QString what;
};

} // namespace

QString FlowchartReader::unquote(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"')))
        s = s.mid(1, s.size() - 2);
    if (s.size() >= 2 && s.startsWith(QLatin1Char('`')) && s.endsWith(QLatin1Char('`')))
        s = s.mid(1, s.size() - 2).replace(QLatin1String("**"), QString());
    return s;
}

bool FlowchartReader::keyword(const QString &t)
{
    static const QRegularExpression ignored(
        QStringLiteral("^(classDef|class|style|linkStyle|click|direction|accTitle|accDescr|title)"
                       "(\\s|:|$)"));
    if (ignored.match(t).hasMatch())
        return true;
    if (t == QLatin1String("end")) {
        if (m_stack.isEmpty())
            throw StatementError{QStringLiteral("\"end\" without a subgraph")};
        m_stack.removeLast();
        return true;
    }
    if (t == QLatin1String("subgraph") || t.startsWith(QLatin1String("subgraph "))) {
        subgraph(t.mid(8).trimmed());
        return true;
    }
    return false;
}

void FlowchartReader::subgraph(const QString &rest)
{
    if (m_stack.size() >= maxSubgraphDepth)
        throw StatementError{
            QStringLiteral("subgraphs nested deeper than %1 levels").arg(maxSubgraphDepth)};
    ImportedGraph::Subgraph sg;
    m_s = rest;
    m_i = 0;
    if (rest.isEmpty()) {
        sg.id = QStringLiteral("subgraph_%1").arg(++m_anonymous);
    } else if (rest.startsWith(QLatin1Char('"'))) {
        sg.label = plainLabel(unquote(rest));
        sg.id = unquote(rest);
    } else {
        sg.id = readId();
        bool cylinder = false;
        QString label;
        skipSpaces();
        if (!sg.id.isEmpty() && readShape(&label, &cylinder)) {
            sg.label = label;
        } else {
            sg.id = rest; // "subgraph Kubernetes cluster": the whole title is the id
            sg.label = plainLabel(rest);
        }
    }
    if (sg.label.isEmpty())
        sg.label = sg.id;
    sg.parent = m_stack.isEmpty() ? QString() : m_stack.last();
    if (!m_subgraphIndex.contains(sg.id)) {
        m_subgraphIndex.insert(sg.id, int(m_g.subgraphs.size()));
        m_g.subgraphs.append(sg);
    }
    m_stack.append(sg.id);
}

QString FlowchartReader::readId()
{
    const int start = m_i;
    while (m_i < m_s.size()) {
        const QChar ch = m_s.at(m_i);
        const QChar next = m_i + 1 < m_s.size() ? m_s.at(m_i + 1) : QChar();
        if (ch.isLetterOrNumber() || ch == QLatin1Char('_') ||
            (ch == QLatin1Char('-') && next != QLatin1Char('-') && next != QLatin1Char('.') &&
             next != QLatin1Char('>') && m_i > start) ||
            (ch == QLatin1Char('.') && m_i > start && next.isLetterOrNumber()))
            ++m_i;
        else
            break;
    }
    return m_s.mid(start, m_i - start);
}

bool FlowchartReader::readShape(QString *label, bool *cylinder)
{
    for (const Shape &shape : shapes) {
        if (!at(shape.open))
            continue;
        const int textStart = m_i + int(qstrlen(shape.open));
        int j = textStart;
        while (j < m_s.size() && m_s.at(j) == QLatin1Char(' '))
            ++j;
        int searchFrom = textStart;
        if (j < m_s.size() && m_s.at(j) == QLatin1Char('"')) {
            const int endQuote = int(m_s.indexOf(QLatin1Char('"'), j + 1));
            if (endQuote < 0)
                throw StatementError{QStringLiteral("a label's closing quote is missing")};
            searchFrom = endQuote + 1;
        }
        int close = int(m_s.indexOf(QLatin1String(shape.close), searchFrom));
        int closeLen = int(qstrlen(shape.close));
        if (shape.altClose) {
            const int alt = int(m_s.indexOf(QLatin1String(shape.altClose), searchFrom));
            if (alt >= 0 && (close < 0 || alt < close)) {
                close = alt;
                closeLen = int(qstrlen(shape.altClose));
            }
        }
        if (close < 0)
            throw StatementError{
                QStringLiteral("the shape \"%1\" is never closed").arg(QLatin1String(shape.open))};
        *label = plainLabel(unquote(m_s.mid(textStart, close - textStart)));
        *cylinder = qstrcmp(shape.open, "[(") == 0;
        m_i = close + closeLen;
        return true;
    }
    return false;
}

QString FlowchartReader::node()
{
    skipSpaces();
    const QString id = readId();
    if (id.isEmpty())
        throw StatementError{QStringLiteral("expected a node id at \"%1\"").arg(m_s.mid(m_i, 30))};
    QString label;
    bool cylinder = false;
    if (readShape(&label, &cylinder)) {
        m_labels.insert(id, label);
        if (cylinder)
            m_cylinders.insert(id);
    } else if (at("@{")) { // Mermaid 11: id@{ shape: cyl, label: "Text" }
        const int close = int(m_s.indexOf(QLatin1Char('}'), m_i));
        if (close < 0)
            throw StatementError{QStringLiteral("\"@{\" is never closed")};
        const QString body = m_s.mid(m_i + 2, close - m_i - 2);
        static const QRegularExpression labelRe(QStringLiteral("label\\s*:\\s*\"([^\"]*)\""));
        static const QRegularExpression cylRe(QStringLiteral("shape\\s*:\\s*(cyl|db|database)"));
        const auto m = labelRe.match(body);
        if (m.hasMatch())
            m_labels.insert(id, plainLabel(m.captured(1)));
        if (cylRe.match(body).hasMatch())
            m_cylinders.insert(id);
        m_i = close + 1;
    }
    if (at(":::")) {
        m_i += 3;
        readId();
    }
    mention(id);
    return id;
}

QStringList FlowchartReader::group()
{
    QStringList ids{node()};
    for (;;) {
        skipSpaces();
        if (!at("&"))
            return ids;
        ++m_i;
        ids << node();
    }
}

bool FlowchartReader::readLink(QString *label, bool *visible)
{
    static const QRegularExpression plain(QStringLiteral(
        "<?(?:-{2,}>|-{3,}|={2,}>|={3,}|-\\.+->|-\\.+-|~{3,}|--[ox](?=\\s)|==[ox](?=\\s))"));
    static const QRegularExpression labelled(
        QStringLiteral("<?(?:--\\s*(.+?)\\s*(?:-{2,}>|-{3,}|--[ox])|==\\s*(.+?)\\s*(?:={2,}>|={3,})"
                       "|-\\.\\s*(.+?)\\s*(?:\\.+->|\\.+-))"));
    skipSpaces();
    auto m = plain.match(m_s, m_i, QRegularExpression::NormalMatch,
                         QRegularExpression::AnchorAtOffsetMatchOption);
    if (m.hasMatch()) {
        *visible = !m.captured().startsWith(QLatin1Char('~'));
        m_i = int(m.capturedEnd());
        skipSpaces();
        if (at("|")) {
            const int close = int(m_s.indexOf(QLatin1Char('|'), m_i + 1));
            if (close < 0)
                throw StatementError{QStringLiteral("a link label's closing | is missing")};
            *label = plainLabel(unquote(m_s.mid(m_i + 1, close - m_i - 1)));
            m_i = close + 1;
        }
        return true;
    }
    m = labelled.match(m_s, m_i, QRegularExpression::NormalMatch,
                       QRegularExpression::AnchorAtOffsetMatchOption);
    if (!m.hasMatch())
        return false;
    *visible = true;
    for (int c = 1; c <= 3; ++c) {
        if (m.capturedLength(c) > 0)
            *label = plainLabel(unquote(m.captured(c)));
    }
    m_i = int(m.capturedEnd());
    return true;
}

void FlowchartReader::statement(int line, const QString &text)
{
    const QString t = text.trimmed();
    try {
        if (t.isEmpty() || keyword(t))
            return;
        m_s = t;
        m_i = 0;
        QStringList left = group();
        for (;;) {
            QString label;
            bool visible = true;
            if (!readLink(&label, &visible))
                break;
            const QStringList right = group();
            if (m_g.edges.size() + left.size() * right.size() > maxEdges)
                throw StatementError{QStringLiteral("more than %1 edges").arg(maxEdges)};
            if (visible) {
                for (const QString &a : left) {
                    for (const QString &b : right)
                        m_g.edges.append({a, b, label});
                }
            }
            left = right;
        }
        skipSpaces();
        if (m_i < m_s.size())
            throw StatementError{QStringLiteral("cannot read \"%1\"").arg(m_s.mid(m_i, 40))};
    } catch (const StatementError &e) {
        m_g.warnings << QStringLiteral("line %1: %2; the line is skipped").arg(line).arg(e.what);
    }
}

void FlowchartReader::finish()
{
    // A subgraph id listed inside another subgraph nests it there (Mermaid does the same).
    for (auto it = m_memberOf.cbegin(); it != m_memberOf.cend(); ++it) {
        const auto sg = m_subgraphIndex.constFind(it.key());
        if (sg != m_subgraphIndex.cend() && it.value() != it.key())
            m_g.subgraphs[*sg].parent = it.value();
    }
    // A parent chain must end: break any cycle the text wrote.
    for (ImportedGraph::Subgraph &sg : m_g.subgraphs) {
        QSet<QString> seen{sg.id};
        QString p = sg.parent;
        while (!p.isEmpty()) {
            if (seen.contains(p)) {
                sg.parent.clear();
                break;
            }
            seen.insert(p);
            p = m_g.subgraphs[m_subgraphIndex.value(p)].parent;
        }
    }
    for (const QString &id : std::as_const(m_ids)) {
        if (m_subgraphIndex.contains(id))
            continue; // a subgraph, not a node (even when an edge named it first)
        m_g.nodes.append({id, m_labels.value(id, id), m_cylinders.contains(id)});
        const QString sg = m_memberOf.value(id);
        if (!sg.isEmpty())
            m_g.subgraphs[m_subgraphIndex.value(sg)].members << id;
    }
    if (!m_stack.isEmpty())
        m_g.warnings << QStringLiteral("subgraph \"%1\" has no \"end\"").arg(m_stack.last());
}

} // namespace mls
