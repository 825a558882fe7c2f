// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"
#include "DiagramReader.h"
#include "Json.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace mls {

class Catalog;

/// "a number", "a string", "an object", …: what a JSON value is, for messages.
QString jsonTypeName(const Json &v);

/// Where a value is in the file ("components[3]", "components[3].waivers[0]", "meta"): made
/// into text only for a message, as a file of 100,000 components has 600,000 fields.
class ElementPath
{
public:
    explicit ElementPath(const char *top) : m_top(top) {}
    ElementPath(const char *array, size_t index) : m_top(array), m_index(qint64(index)) {}
    /// Element @p index of this value's array member @p key.
    ElementPath item(const char *key, size_t index) const
    {
        ElementPath p = *this;
        p.m_sub = key;
        p.m_subIndex = index;
        return p;
    }
    QString text() const
    {
        QString t = QLatin1String(m_top);
        if (m_index >= 0)
            t += QStringLiteral("[%1]").arg(m_index);
        if (m_sub)
            t += QStringLiteral(".%1[%2]").arg(QLatin1String(m_sub)).arg(m_subIndex);
        return t;
    }
    QString member(const char *key) const { return text() + QLatin1Char('.') + QLatin1String(key); }

private:
    const char *m_top;
    qint64 m_index = -1;
    const char *m_sub = nullptr;
    size_t m_subIndex = 0;
};

/// Reads the elements of a .mlsketch file (meta, a component, a connection, a zone, a note)
/// from their JSON into the model's types, checking every field against the format; a bad
/// field throws a ReadError naming it ("components[3].x"). Ids are claimed against the
/// diagram the elements go into: an element goes in as soon as it is read.
class ElementReader
{
public:
    ElementReader(const ReadLimits &limits, QStringList &warnings, Diagram &d);

    Meta parseMeta(Json &v);
    Component parseComponent(Json &v, const ElementPath &p);
    Connection parseConnection(Json &v, const ElementPath &p);
    Group parseGroup(Json &v, const ElementPath &p);
    Note parseNote(const Json &v, const ElementPath &p);
    /// Why @p id, which names no component, cannot be used as one.
    QString notAComponent(const QString &id) const;
    /// The members of @p obj not named in @p known, moved out (@p obj is not used again).
    static Json unknownFields(Json &obj, std::initializer_list<std::string_view> known);
    /// A zone's id, known before the zones are read, so that a reference to it is worded as
    /// one ("is a zone, not a component").
    void addZoneId(const QString &id) { m_groupIds.insert(id); }

private:
    /// Moves the unknown members of @p obj into @p extra, leaving it as it is (an empty
    /// object) when there are none, as for nearly every element.
    static void takeUnknownFields(Json &extra, Json &obj,
                                  std::initializer_list<std::string_view> known);
    static void requireObject(const Json &v, const ElementPath &p);
    QString text(const Json &obj, const char *key, const ElementPath &p, int maxLength,
                 bool required = false);
    /// A required id-like text that repeats across the file (a kind, a flow): one shared copy
    /// per distinct value, the catalog's own for known ones; @p known says which it is.
    QString sharedText(const Json &obj, const char *key, const ElementPath &p, bool *known);
    /// A component's kind or a connection's flow (@p key "kind" or "flow"): the sharedText,
    /// with a warning when the catalog does not know it (it is kept).
    QString catalogRef(const Json &obj, const char *key, const ElementPath &p);
    double number(const Json &obj, const char *key, const ElementPath &p, double fallback,
                  double min, double max);
    /// The path of the element that holds @p id ("connections[3]"), or an empty string.
    QString ownerPath(const QString &id) const;
    /// The element's id, new in the file: every id read so far is in the diagram already (an
    /// element goes in as soon as it is read, and the first error ends the reading).
    QString claimId(const Json &obj, const ElementPath &p);
    QVector<Waiver> parseWaivers(Json &obj, const ElementPath &p);
    /// An endpoint or zone member: the id of a component read before, shared with it.
    /// @p key: the member of @p p that holds it, or nullptr for @p p itself.
    ComponentId componentRef(const QString &id, const ElementPath &p, const char *key) const;
    /// A connection's end (@p key "from" or "to"): componentRef of its text, found without a
    /// string of its own when it is a short ASCII id (nearly every one): @p ascii, the field
    /// as asciiField() gave it.
    ComponentId endpoint(const Json &obj, const char *key, const QString &ascii,
                         const ElementPath &p);

    const ReadLimits &m_limits;
    const Catalog &m_catalog;
    QStringList &m_warnings;
    Diagram &m_d;
    QSet<QString> m_groupIds; ///< ids of the zones, for messages about references
    /// Kinds and flows read so far: the shared copy, and whether the catalog knows it.
    std::unordered_map<std::string, std::pair<QString, bool>> m_kinds, m_flows;
    QString m_claimed;           ///< the id of the element being read (not in the diagram yet)
    ElementPath m_claimedAt{""}; ///< its path
};

} // namespace mls
