// SPDX-License-Identifier: MIT
#pragma once

#include <QAtomicInt>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace mls {

struct Rule;

/// How bad a finding is; ordered so that a larger value is more severe.
enum class Severity : quint8
{
    Info,
    Warning,
    Error
};

/// "info", "warning" or "error".
QString severityName(Severity s);
/// Parses "info" / "warning" / "error" (case-insensitive); nullopt for anything else.
std::optional<Severity> severityFromName(const QString &name);

/// The component or connection ids of a finding: a read-only view into the finding's ids,
/// valid while the finding lives unchanged.
class FindingIds
{
public:
    FindingIds(const QString *begin, const QString *end) : m_begin(begin), m_end(end) {}

    const QString *begin() const { return m_begin; }
    const QString *end() const { return m_end; }
    qsizetype size() const { return m_end - m_begin; }
    qsizetype count() const { return size(); }
    bool isEmpty() const { return m_begin == m_end; }
    const QString &at(qsizetype i) const { return m_begin[i]; }
    const QString &operator[](qsizetype i) const { return m_begin[i]; }
    const QString &first() const { return *m_begin; }
    const QString &constFirst() const { return *m_begin; }
    /// The id at @p i, or an empty string past the end.
    QString value(qsizetype i) const { return i >= 0 && i < size() ? m_begin[i] : QString(); }
    const QString &last() const { return m_end[-1]; }
    bool contains(const QString &id) const;
    /// A copy as a list.
    QStringList toList() const { return QStringList(m_begin, m_end); }
    operator QStringList() const { return toList(); }
    bool operator==(const FindingIds &o) const;
    bool operator!=(const FindingIds &o) const { return !(*this == o); }
    bool operator==(const QStringList &o) const
    {
        return *this == FindingIds(o.constData(), o.constData() + o.size());
    }
    bool operator!=(const QStringList &o) const { return !(*this == o); }

private:
    const QString *m_begin;
    const QString *m_end;
};

/// Immutable bytes shared by copies, in one block with their size and count: a pointer where a
/// QByteArray is three words (a finding list holds thousands of messages).
class SharedBytes
{
public:
    SharedBytes() = default;
    /// A copy of @p size bytes at @p data; none (no block) when @p size is 0.
    SharedBytes(const char *data, qsizetype size);
    SharedBytes(const SharedBytes &o) noexcept : m_d(o.m_d)
    {
        if (m_d)
            m_d->ref.ref();
    }
    SharedBytes(SharedBytes &&o) noexcept : m_d(o.m_d) { o.m_d = nullptr; }
    SharedBytes &operator=(SharedBytes o) noexcept
    {
        std::swap(m_d, o.m_d);
        return *this;
    }
    ~SharedBytes();

    bool isEmpty() const { return !m_d; }
    qsizetype size() const { return m_d ? qsizetype(m_d->size) : 0; }
    const char *data() const { return m_d ? reinterpret_cast<const char *>(m_d + 1) : nullptr; }

private:
    struct Header
    {
        QAtomicInt ref;
        quint32 size;
    }; // the bytes follow
    Header *m_d = nullptr;
};

/// One rule violation at a place in the diagram.
///
/// Compact: the rule's id, title, explanation and fix are read from the rule it points to
/// (an interned copy that lives as long as the program, see intern()), the component ids, the
/// connection ids and a waiver's reason share one list, and severity and waiver are a byte
/// each. key() is its identity across re-checks: the same rule on the same components and
/// connections gives the same key, whatever the labels or the order of the finding list.
class Finding
{
public:
    Finding() = default;
    /// A finding of @p rule (interned here; see intern()) with its message rendered.
    Finding(const Rule &rule, Severity severity, QString message, const QStringList &components,
            const QStringList &connections = {});
    /// The same with the ids in one list: its first @p componentCount are component ids, the
    /// rest connection ids (kept as given, no copy).
    Finding(const Rule &rule, Severity severity, QString message, QStringList ids,
            qsizetype componentCount);
    /// The same with the message given as a view (copied at its size).
    Finding(const Rule &rule, Severity severity, QStringView message, QStringList ids,
            qsizetype componentCount);

    /// A program-lifetime copy of @p rule equal to it in every field a finding reads (id,
    /// severity, title, message, explanation, fix); the same copy for equal rules. Cheap when
    /// called again with a rule whose strings are shared with a copy made before.
    static const Rule *intern(const Rule &rule);

    /// The rule this finding is of, nullptr for a default-constructed finding.
    const Rule *ruleInfo() const { return m_rule; }
    /// Rule id, e.g. "MLS-004".
    const QString &rule() const;
    /// The rule's short title.
    const QString &title() const;
    /// Why it matters in production ML (the rule's).
    const QString &explanation() const;
    /// Suggested fix (the rule's).
    const QString &fix() const;
    /// One line naming the components by label (kept as UTF-8: half the bytes of a QString,
    /// and nothing when it is the rule's template as is).
    QString message() const;
    /// After per-diagram overrides.
    Severity severity() const { return m_severity; }
    /// Ids of the components involved (first = main subject).
    FindingIds components() const;
    /// Ids of the connections involved.
    FindingIds connections() const;
    /// The component ids, then the connection ids.
    QStringList ids() const { return QStringList(components()) + connections(); }
    /// A waiver with this rule sits on one of the items.
    bool waived() const { return m_waived; }
    /// The reason of that waiver (empty when not waived).
    const QString &waiverReason() const;

    /// Points the finding at @p rule (interned), keeping the rest.
    void setRule(const Rule &rule);
    /// Points the finding at a rule that has only an id and a title (findings made outside an
    /// engine, e.g. by tests and previews).
    void setRule(const QString &id, const QString &title = {});
    void setSeverity(Severity s) { m_severity = s; }
    void setMessage(const QString &message);
    void setMessage(QStringView message);
    void setIds(const QStringList &components, const QStringList &connections = {});
    /// Waived with @p reason, or not waived (the reason is then dropped).
    void setWaiver(bool waived, const QString &reason = {});

    /// Stable identity: rule id, sorted component ids and sorted connection ids.
    QString key() const;
    /// True when every field is equal (used by the incremental-vs-full tests).
    bool operator==(const Finding &o) const;
    bool operator!=(const Finding &o) const { return !(*this == o); }

private:
    const Rule *m_rule = nullptr;
    SharedBytes m_message; ///< UTF-8; empty when m_messageIsTemplate
    /// Component ids, then connection ids, then the waiver's reason when there is one.
    QStringList m_ids;
    quint32 m_componentCount = 0;
    Severity m_severity = Severity::Warning;
    bool m_waived = false;
    bool m_hasReason = false;
    bool m_messageIsTemplate = false; ///< the message is m_rule's template, no placeholders
};

} // namespace mls
