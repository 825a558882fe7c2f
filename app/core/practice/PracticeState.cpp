// SPDX-License-Identifier: MIT
#include "PracticeState.h"

#include "DesignSteps.h"
#include "Json.h"

namespace mls {

namespace {

const char *const key = "practice";

/// A number or a flag of @p o, @p fallback when missing or of another type (never throws).
double numberOr(const Json &o, const char *name, double fallback)
{
    const auto it = o.find(name);
    return it != o.end() && it->is_number() ? it->get<double>() : fallback;
}

bool flagOr(const Json &o, const char *name, bool fallback)
{
    const auto it = o.find(name);
    return it != o.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

int stepPercent(const QString &step)
{
    static const QHash<QString, int> percent{{QStringLiteral("clarify_requirements"), 10},
                                             {QStringLiteral("frame_ml_task"), 10},
                                             {QStringLiteral("data_preparation"), 15},
                                             {QStringLiteral("model_development"), 20},
                                             {QStringLiteral("evaluation"), 10},
                                             {QStringLiteral("deployment_serving"), 25},
                                             {QStringLiteral("monitoring"), 10}};
    return percent.value(step, 0);
}

} // namespace

std::optional<PracticeState> PracticeState::of(const Meta &meta)
{
    const auto it = meta.extra.find(key);
    if (it == meta.extra.end() || !it->is_object())
        return std::nullopt;
    const Json &o = *it;
    const auto problem = o.find("problem");
    if (problem == o.end() || !problem->is_string())
        return std::nullopt;
    PracticeState s;
    s.problem = toQt(problem->get<std::string>());
    s.minutes = int(qBound(1.0, numberOr(o, "minutes", 45), 600.0));
    const double elapsed = numberOr(o, "elapsed_ms", 0);
    s.elapsedMs = qint64(qBound(0.0, elapsed, 1e10));
    const auto steps = o.find("step_ms");
    if (steps != o.end() && steps->is_object()) {
        for (auto st = steps->begin(); st != steps->end(); ++st) {
            if (st.value().is_number())
                s.stepMs.insert(toQt(st.key()),
                                qint64(qBound(0.0, st.value().get<double>(), 1e10)));
        }
    }
    const auto hints = o.find("hints");
    if (hints != o.end() && hints->is_array()) {
        for (const Json &h : *hints) {
            if (h.is_string())
                s.hints << toQt(h.get<std::string>());
        }
    }
    const auto checked = o.find("checked");
    if (checked != o.end() && checked->is_array()) {
        for (const Json &c : *checked) {
            if (c.is_string())
                s.checked << toQt(c.get<std::string>());
        }
    }
    s.paused = flagOr(o, "paused", false);
    s.submitted = flagOr(o, "submitted", false);
    s.score = int(qBound(-1.0, numberOr(o, "score", -1), 100.0));
    return s;
}

Meta PracticeState::writtenTo(Meta meta) const
{
    Json o = Json::object();
    o["problem"] = toStd(problem);
    o["minutes"] = minutes;
    o["elapsed_ms"] = elapsedMs;
    Json steps = Json::object();
    for (const QString &id : DesignSteps::ids()) {
        if (stepMs.contains(id))
            steps[toStd(id)] = stepMs.value(id);
    }
    o["step_ms"] = steps;
    Json h = Json::array();
    for (const QString &id : hints)
        h.push_back(toStd(id));
    o["hints"] = h;
    Json c = Json::array();
    for (const QString &id : checked)
        c.push_back(toStd(id));
    o["checked"] = c;
    o["paused"] = paused;
    o["submitted"] = submitted;
    if (score >= 0)
        o["score"] = score;
    if (!meta.extra.is_object())
        meta.extra = Json::object();
    meta.extra[key] = o;
    return meta;
}

qint64 PracticeState::stepBudgetMs(const QString &step) const
{
    return qint64(minutes) * 60000 * stepPercent(step) / 100;
}

QString PracticeState::currentStep() const
{
    qint64 end = 0;
    const QStringList steps = DesignSteps::ids();
    for (const QString &id : steps) {
        end += stepBudgetMs(id);
        if (elapsedMs < end)
            return id;
    }
    return steps.constLast();
}

} // namespace mls
