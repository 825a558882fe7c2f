// SPDX-License-Identifier: MIT
#include "Problem.h"

#include "Catalog.h"
#include "DesignSteps.h"
#include "Json.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <algorithm>

static void initProblemResources()
{
    Q_INIT_RESOURCE(problems);
}

namespace mls {

namespace {

Q_LOGGING_CATEGORY(lcPractice, "mls.core.practice")

/// Thrown while parsing; caught in fromJson and turned into the error message.
struct ProblemError
{
    QString where;
    QString what;
};

QString str(const Json &o, const char *key, const QString &where, bool required = true)
{
    const auto it = o.find(key);
    if (it == o.end()) {
        if (required)
            throw ProblemError{where, QStringLiteral("missing \"%1\"").arg(key)};
        return {};
    }
    if (!it->is_string())
        throw ProblemError{where, QStringLiteral("\"%1\" is not a string").arg(key)};
    return toQt(it->get<std::string>());
}

QStringList strings(const Json &o, const char *key, const QString &where)
{
    QStringList list;
    const auto it = o.find(key);
    if (it == o.end())
        return list;
    if (!it->is_array())
        throw ProblemError{where, QStringLiteral("\"%1\" is not a list").arg(key)};
    for (const Json &v : *it) {
        if (!v.is_string())
            throw ProblemError{where, QStringLiteral("\"%1\" holds a non-string").arg(key)};
        list << toQt(v.get<std::string>());
    }
    return list;
}

QStringList kinds(const Json &o, const char *key, const QString &where, bool required)
{
    const QStringList list = strings(o, key, where);
    if (required && list.isEmpty())
        throw ProblemError{where, QStringLiteral("\"%1\" names no kind").arg(key)};
    for (const QString &k : list) {
        if (!Catalog::builtin().kind(k))
            throw ProblemError{where, QStringLiteral("\"%1\": unknown kind \"%2\"").arg(key, k)};
    }
    return list;
}

QStringList flows(const Json &o, const char *key, const QString &where)
{
    const QStringList list = strings(o, key, where);
    for (const QString &f : list) {
        if (!Catalog::builtin().flow(f))
            throw ProblemError{where, QStringLiteral("\"%1\": unknown flow \"%2\"").arg(key, f)};
    }
    return list;
}

double number(const Json &o, const char *key, const QString &where, double fallback)
{
    const auto it = o.find(key);
    if (it == o.end())
        return fallback;
    if (!it->is_number())
        throw ProblemError{where, QStringLiteral("\"%1\" is not a number").arg(key)};
    return it->get<double>();
}

FlowSpec flowSpec(const Json &o, const QString &where)
{
    FlowSpec f;
    f.from = kinds(o, "from", where, true);
    f.to = kinds(o, "to", where, true);
    f.firstFlow = flows(o, "first_flow", where);
    f.lastFlow = flows(o, "last_flow", where);
    f.flows = flows(o, "flows", where);
    f.via = kinds(o, "via", where, false);
    const auto through = o.find("through");
    if (through != o.end()) {
        if (!through->is_array())
            throw ProblemError{where, QStringLiteral("\"through\" is not a list")};
        for (const Json &stop : *through) {
            if (!stop.is_string() || !Catalog::builtin().kind(toQt(stop.get<std::string>())))
                throw ProblemError{where, QStringLiteral("\"through\" names an unknown kind")};
            f.through.push_back({toQt(stop.get<std::string>())});
        }
    }
    const auto direct = o.find("direct");
    f.direct = direct != o.end() && direct->is_boolean() && direct->get<bool>();
    return f;
}

RoleSlot::Where whereOf(const QString &text, const QString &where)
{
    if (text.isEmpty() || text == QLatin1String("connected"))
        return RoleSlot::Where::Connected;
    if (text == QLatin1String("request_path"))
        return RoleSlot::Where::RequestPath;
    if (text == QLatin1String("serves_request_path"))
        return RoleSlot::Where::ServesRequestPath;
    if (text == QLatin1String("anywhere"))
        return RoleSlot::Where::Anywhere;
    throw ProblemError{where, QStringLiteral("unknown \"where\": \"%1\"").arg(text)};
}

void readBody(RubricItem &item, const QString &type, const Json &o, const QString &where)
{
    using T = RubricItem::Type;
    if (type == QLatin1String("roles")) {
        item.type = T::Roles;
        const auto it = o.find("slots");
        if (it == o.end() || !it->is_array() || it->empty())
            throw ProblemError{where, QStringLiteral("\"slots\" must be a non-empty list")};
        int i = 0;
        for (const Json &s : *it) {
            const QString at = QStringLiteral("%1.roleSlots[%2]").arg(where).arg(i++);
            if (!s.is_object())
                throw ProblemError{at, QStringLiteral("not an object")};
            item.roleSlots.push_back({str(s, "name", at), kinds(s, "kinds", at, true),
                                      whereOf(str(s, "where", at, false), at)});
        }
    } else if (type == QLatin1String("flow") || type == QLatin1String("anti_pattern")) {
        item.type = type == QLatin1String("flow") ? T::Flow : T::AntiPattern;
        item.flow = flowSpec(o, where);
    } else if (type == QLatin1String("shared_source")) {
        item.type = T::SharedSource;
        item.sourceKinds = kinds(o, "source", where, true);
        const auto it = o.find("targets");
        if (it == o.end() || !it->is_array() || it->empty())
            throw ProblemError{where, QStringLiteral("\"targets\" must be a non-empty list")};
        int i = 0;
        for (const Json &t : *it) {
            const QString at = QStringLiteral("%1.targets[%2]").arg(where).arg(i++);
            if (!t.is_object())
                throw ProblemError{at, QStringLiteral("not an object")};
            item.targets.push_back({kinds(t, "kinds", at, true), flows(t, "last_flow", at)});
        }
    } else if (type == QLatin1String("notes")) {
        item.type = T::Notes;
        item.noteSteps = strings(o, "steps", where);
        for (const QString &s : std::as_const(item.noteSteps)) {
            if (!DesignSteps::ids().contains(s))
                throw ProblemError{where, QStringLiteral("unknown step \"%1\"").arg(s)};
        }
        if (item.noteSteps.isEmpty())
            item.noteSteps = {item.step};
        const auto it = o.find("mentions");
        if (it != o.end() && it->is_array()) {
            for (const Json &g : *it) {
                QStringList words;
                if (g.is_array()) {
                    for (const Json &w : g) {
                        if (w.is_string())
                            words << toQt(w.get<std::string>()).toLower();
                    }
                }
                if (words.isEmpty())
                    throw ProblemError{where, QStringLiteral("a \"mentions\" group is empty")};
                item.mentions.push_back(words);
            }
        }
        item.minChars = int(number(o, "min_chars", where, 40));
    } else if (type == QLatin1String("latency_budget")) {
        item.type = T::LatencyBudget;
        item.maxMs = number(o, "max_ms", where, 0);
        if (item.maxMs <= 0)
            throw ProblemError{where, QStringLiteral("\"max_ms\" must be positive")};
    } else if (type == QLatin1String("rule_errors")) {
        item.type = T::RuleErrors;
        item.perError = number(o, "per_error", where, 0);
        if (item.perError <= 0)
            throw ProblemError{where, QStringLiteral("\"per_error\" must be positive")};
    } else {
        throw ProblemError{where, QStringLiteral("unknown type \"%1\"").arg(type)};
    }
}

RubricItem readItem(const Json &o, const QString &where)
{
    if (!o.is_object())
        throw ProblemError{where, QStringLiteral("not an object")};
    RubricItem item;
    item.id = str(o, "id", where);
    const QString at = QStringLiteral("%1 (\"%2\")").arg(where, item.id);
    item.step = str(o, "step", at);
    if (!DesignSteps::ids().contains(item.step))
        throw ProblemError{at, QStringLiteral("unknown step \"%1\"").arg(item.step)};
    item.title = str(o, "title", at);
    item.points = number(o, "points", at, 0);
    item.hint = str(o, "hint", at, false);
    item.why = str(o, "why", at);
    readBody(item, str(o, "type", at), o, at);
    const bool penalty =
        item.type == RubricItem::Type::RuleErrors || item.type == RubricItem::Type::AntiPattern;
    if (penalty != (item.points < 0) || item.points == 0)
        throw ProblemError{at, penalty ? QStringLiteral("a penalty needs negative points")
                                       : QStringLiteral("points must be positive")};
    if (!penalty && item.hint.isEmpty())
        throw ProblemError{at, QStringLiteral("missing \"hint\"")};
    return item;
}

Problem readProblem(const Json &root)
{
    if (!root.is_object())
        throw ProblemError{QStringLiteral("top level"), QStringLiteral("not an object")};
    Problem p;
    const QString top = QStringLiteral("top level");
    p.id = str(root, "id", top);
    p.title = str(root, "title", top);
    p.prompt = str(root, "prompt", top);
    p.requirements = strings(root, "requirements", top);
    p.difficulty = str(root, "difficulty", top);
    if (!QStringList{"easy", "medium", "hard"}.contains(p.difficulty))
        throw ProblemError{top, QStringLiteral("difficulty must be easy, medium or hard")};
    p.tags = strings(root, "tags", top);
    p.minutes = int(number(root, "minutes", top, 45));
    const auto items = root.find("items");
    if (items == root.end() || !items->is_array())
        throw ProblemError{top, QStringLiteral("missing \"items\" list")};
    int i = 0;
    for (const Json &o : *items) {
        RubricItem item = readItem(o, QStringLiteral("items[%1]").arg(i++));
        if (p.item(item.id))
            throw ProblemError{QStringLiteral("items[%1]").arg(i - 1),
                               QStringLiteral("duplicate id \"%1\"").arg(item.id)};
        p.items.push_back(std::move(item));
    }
    if (p.maxPoints() <= 0)
        throw ProblemError{top, QStringLiteral("the rubric has no points to earn")};
    return p;
}

} // namespace

double Problem::maxPoints() const
{
    double sum = 0;
    for (const RubricItem &i : items) {
        if (!i.isPenalty())
            sum += i.points;
    }
    return sum;
}

const RubricItem *Problem::item(const QString &itemId) const
{
    for (const RubricItem &i : items) {
        if (i.id == itemId)
            return &i;
    }
    return nullptr;
}

bool Problem::matches(const QString &text) const
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return true;
    if (title.contains(t, Qt::CaseInsensitive) || id.contains(t, Qt::CaseInsensitive) ||
        prompt.contains(t, Qt::CaseInsensitive) || difficulty.contains(t, Qt::CaseInsensitive))
        return true;
    return std::any_of(tags.begin(), tags.end(),
                       [&](const QString &tag) { return tag.contains(t, Qt::CaseInsensitive); });
}

std::optional<Problem> ProblemSet::fromJson(const QByteArray &json, const QString &fileName,
                                            QString *error)
{
    try {
        return readProblem(Json::parse(json.constData(), json.constData() + json.size()));
    } catch (const ProblemError &e) {
        if (error)
            *error = QStringLiteral("%1: %2: %3").arg(fileName, e.where, e.what);
    } catch (const Json::exception &e) {
        if (error)
            *error =
                QStringLiteral("%1: not valid JSON: %2").arg(fileName, QString::fromUtf8(e.what()));
    }
    return std::nullopt;
}

const QVector<Problem> &ProblemSet::builtin()
{
    static const QVector<Problem> problems = [] {
        initCoreResources();
        initProblemResources();
        QVector<Problem> list;
        const QDir dir(QStringLiteral(":/problems"));
        for (const QString &name :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            QString error;
            std::optional<Problem> p;
            if (f.open(QIODevice::ReadOnly))
                p = fromJson(f.readAll(), name, &error);
            if (p)
                list.push_back(std::move(*p));
            else
                qCWarning(lcPractice, "skipping problem: %s", qUtf8Printable(error));
        }
        return list;
    }();
    return problems;
}

const Problem *ProblemSet::find(const QString &id)
{
    for (const Problem &p : builtin()) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QStringList ProblemSet::ids()
{
    QStringList list;
    for (const Problem &p : builtin())
        list << p.id;
    return list;
}

QString ProblemSet::referencePath(const QString &id)
{
    return QStringLiteral(":/templates/%1.mlsketch").arg(id);
}

} // namespace mls
