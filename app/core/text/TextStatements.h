// SPDX-License-Identifier: MIT
#pragma once

#include "TextLexer.h"
#include "TextParser.h"

#include <QSet>

#include <utility>
#include <vector>

namespace mls {

/// The statements of the text form, read line by line (components, connections, zones, meta,
/// notes, waivers and extra fields), then assembled into the design of a TextParseResult.
class TextStatements
{
public:
    /// Builds into @p result (whose diagram must exist), within @p limits.
    TextStatements(const ReadLimits &limits, TextParseResult &result)
        : m_limits(limits), m_r(result)
    {}

    /// Reads line @p number; a line with an error becomes an issue and is left out.
    void line(int number, const QString &text);
    /// Assembles the design from every statement read: ends and members are resolved now, so
    /// a line may refer to ids declared later.
    void finish();

private:
    using Tokens = QVector<TextToken>;

    struct ConnectionDecl
    {
        int line = 0;
        Connection c;
    };

    struct ZoneDecl
    {
        int line = 0;
        Group g;
    };

    struct AttributeDecl
    {
        int line = 0;
        QString keyword; ///< note, waive or extra
        QString target;
        QString text;
        Waiver waiver;
        Json extra;
    };

    void issue(int line, const QString &message, bool error = true)
    {
        m_r.issues.append({line, message, error});
    }
    QString id(const TextToken &t) const;
    QString label(const TextToken &t) const;
    static void expectEnd(const Tokens &t, int from);
    void statement(int line, const Tokens &t);
    void component(int line, const Tokens &t);
    void connection(int line, const Tokens &t, int start, const QString &explicitId);
    void keyword(int line, const Tokens &t);
    void declare(const QString &id);

    const ReadLimits &m_limits;
    TextParseResult &m_r;
    QSet<QString> m_ids;
    std::vector<std::pair<int, Component>> m_components;
    std::vector<ConnectionDecl> m_connections;
    std::vector<ZoneDecl> m_zones;
    std::vector<AttributeDecl> m_attributes;
    Meta m_meta;
    Json m_extra = Json::object();
};

} // namespace mls
