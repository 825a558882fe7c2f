// SPDX-License-Identifier: MIT
#include "Finding.h"

#include "Rule.h"

#include <QHash>
#include <QMutex>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <deque>
#include <iterator>
#include <new>

namespace mls {

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

std::optional<Severity> severityFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("info"))
        return Severity::Info;
    if (n == QLatin1String("warning"))
        return Severity::Warning;
    if (n == QLatin1String("error"))
        return Severity::Error;
    return std::nullopt;
}

SharedBytes::SharedBytes(const char *data, qsizetype size)
{
    if (size <= 0)
        return;
    void *block = ::operator new(sizeof(Header) + size_t(size));
    m_d = new (block) Header{QAtomicInt(1), quint32(size)};
    std::memcpy(static_cast<char *>(block) + sizeof(Header), data, size_t(size));
}

SharedBytes::~SharedBytes()
{
    if (m_d && !m_d->ref.deref()) {
        m_d->~Header();
        ::operator delete(m_d);
    }
}

bool FindingIds::contains(const QString &id) const
{
    return std::find(m_begin, m_end, id) != m_end;
}

bool FindingIds::operator==(const FindingIds &o) const
{
    return std::equal(m_begin, m_end, o.m_begin, o.m_end);
}

namespace {

const QString &emptyString()
{
    static const QString empty;
    return empty;
}

/// The fields of a rule a finding reads.
bool sameText(const Rule &a, const Rule &b)
{
    return a.id == b.id && a.severity == b.severity && a.title == b.title &&
           a.message == b.message && a.explanation == b.explanation && a.fix == b.fix;
}

/// True when the strings a finding reads share their characters: then they are equal, as a
/// string the pool holds a reference to is never changed in place nor freed.
bool sameData(const Rule &a, const Rule &b)
{
    return a.id.constData() == b.id.constData() && a.id.size() == b.id.size() &&
           a.severity == b.severity && a.title.constData() == b.title.constData() &&
           a.title.size() == b.title.size() && a.message.constData() == b.message.constData() &&
           a.message.size() == b.message.size() &&
           a.explanation.constData() == b.explanation.constData() &&
           a.explanation.size() == b.explanation.size() && a.fix.constData() == b.fix.constData() &&
           a.fix.size() == b.fix.size();
}

/// The interned rules: never freed, so findings may outlive the engine that made them.
struct RulePool
{
    QMutex mutex;
    std::deque<Rule> rules;
    QHash<QString, QVector<const Rule *>> byId;
};

RulePool &pool()
{
    static RulePool *p = new RulePool; // never destroyed: findings may live until exit
    return *p;
}

} // namespace

const Rule *Finding::intern(const Rule &rule)
{
    // A check makes findings of a few rules in turn (one connection, then the next): a small
    // cache by the rule's address, each entry checked by its strings' addresses, answers most
    // calls without the pool's lock.
    struct Cached
    {
        const Rule *key = nullptr;
        const Rule *interned = nullptr;
    };
    thread_local Cached cache[32];
    static_assert(std::size(cache) == 32);
    Cached &slot = cache[(quint64(quintptr(&rule)) * 0x9E3779B97F4A7C15ull) >> 59]; // 32 slots
    if (slot.key == &rule && sameData(*slot.interned, rule))
        return slot.interned;
    const Rule *&last = slot.interned;
    slot.key = &rule;
    RulePool &p = pool();
    QMutexLocker lock(&p.mutex);
    QVector<const Rule *> &same = p.byId[rule.id];
    for (const Rule *r : std::as_const(same)) {
        if (sameData(*r, rule) || sameText(*r, rule))
            return last = r;
    }
    Rule copy;
    copy.id = rule.id;
    copy.severity = rule.severity;
    copy.title = rule.title;
    copy.message = rule.message;
    copy.explanation = rule.explanation;
    copy.fix = rule.fix;
    copy.check = rule.check;
    copy.source = rule.source;
    p.rules.push_back(std::move(copy));
    same.push_back(&p.rules.back());
    return last = &p.rules.back();
}

Finding::Finding(const Rule &rule, Severity severity, QString message,
                 const QStringList &components, const QStringList &connections)
    : m_rule(intern(rule)), m_severity(severity)
{
    setMessage(message);
    setIds(components, connections);
}

Finding::Finding(const Rule &rule, Severity severity, QString message, QStringList ids,
                 qsizetype componentCount)
    : m_rule(intern(rule)), m_ids(std::move(ids)), m_componentCount(quint32(componentCount)),
      m_severity(severity)
{
    setMessage(message);
}

Finding::Finding(const Rule &rule, Severity severity, QStringView message, QStringList ids,
                 qsizetype componentCount)
    : m_rule(intern(rule)), m_ids(std::move(ids)), m_componentCount(quint32(componentCount)),
      m_severity(severity)
{
    setMessage(message);
}

QString Finding::message() const
{
    return m_messageIsTemplate ? m_rule->message
                               : QString::fromUtf8(m_message.data(), m_message.size());
}

void Finding::setMessage(const QString &message)
{
    // A template without placeholders comes back shared with the rule's (no allocation).
    if (m_rule && !message.isEmpty() && message.constData() == m_rule->message.constData() &&
        message.size() == m_rule->message.size()) {
        m_messageIsTemplate = true;
        m_message = SharedBytes();
        return;
    }
    setMessage(QStringView(message));
}

void Finding::setMessage(QStringView message)
{
    m_messageIsTemplate = m_rule && !message.isEmpty() && message == m_rule->message;
    if (m_messageIsTemplate) {
        m_message = SharedBytes();
        return;
    }
    const bool ascii =
        std::all_of(message.begin(), message.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) { // a byte a character, without a QByteArray between
        QVarLengthArray<char, 256> bytes(message.size());
        std::transform(message.begin(), message.end(), bytes.begin(),
                       [](QChar c) { return char(c.unicode()); });
        m_message = SharedBytes(bytes.constData(), bytes.size());
    } else {
        const QByteArray utf8 = message.toUtf8();
        m_message = SharedBytes(utf8.constData(), utf8.size());
    }
}

const QString &Finding::rule() const
{
    return m_rule ? m_rule->id : emptyString();
}

const QString &Finding::title() const
{
    return m_rule ? m_rule->title : emptyString();
}

const QString &Finding::explanation() const
{
    return m_rule ? m_rule->explanation : emptyString();
}

const QString &Finding::fix() const
{
    return m_rule ? m_rule->fix : emptyString();
}

FindingIds Finding::components() const
{
    const QString *ids = m_ids.constData();
    return {ids, ids + m_componentCount};
}

FindingIds Finding::connections() const
{
    const QString *ids = m_ids.constData();
    return {ids + m_componentCount, ids + m_ids.size() - (m_hasReason ? 1 : 0)};
}

const QString &Finding::waiverReason() const
{
    return m_hasReason ? m_ids.last() : emptyString();
}

void Finding::setRule(const Rule &rule)
{
    const QString kept = message();
    m_rule = intern(rule);
    setMessage(kept);
}

void Finding::setRule(const QString &id, const QString &title)
{
    Rule r;
    r.id = id;
    r.title = title;
    setRule(r);
}

void Finding::setIds(const QStringList &components, const QStringList &connections)
{
    const QString reason = waiverReason();
    QStringList ids;
    if (connections.isEmpty() && !m_hasReason) {
        ids = components; // shared, no copy
    } else {
        ids.reserve(components.size() + connections.size() + (m_hasReason ? 1 : 0));
        ids += components;
        ids += connections;
        if (m_hasReason)
            ids.push_back(reason);
    }
    m_ids = std::move(ids);
    m_componentCount = quint32(components.size());
}

void Finding::setWaiver(bool waived, const QString &reason)
{
    m_waived = waived;
    const bool keep = waived && !reason.isEmpty();
    if (m_hasReason && keep) {
        m_ids.last() = reason;
    } else if (m_hasReason) {
        m_ids.removeLast();
    } else if (keep) {
        m_ids.push_back(reason);
    }
    m_hasReason = keep;
}

QString Finding::key() const
{
    QStringList c = components();
    QStringList e = connections();
    c.sort();
    e.sort();
    return rule() + QLatin1Char('|') + c.join(QLatin1Char(',')) + QLatin1Char('|') +
           e.join(QLatin1Char(','));
}

bool Finding::operator==(const Finding &o) const
{
    return rule() == o.rule() && m_severity == o.m_severity && title() == o.title() &&
           message() == o.message() && explanation() == o.explanation() && fix() == o.fix() &&
           components() == o.components() && connections() == o.connections() &&
           m_waived == o.m_waived && waiverReason() == o.waiverReason();
}

} // namespace mls
