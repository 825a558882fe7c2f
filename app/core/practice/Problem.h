// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mls {

/// Which components may fill a role slot: one of @c kinds, placed as @c where says.
struct RoleSlot
{
    enum class Where
    {
        Connected,         ///< any component with at least one connection (the default)
        RequestPath,       ///< called from a client through `requests` calls (or a client)
        ServesRequestPath, ///< on the request path, or feeding a component on it directly
        Anywhere           ///< on the board, connected or not
    };
    QString name;
    QStringList kinds;
    Where where = Where::Connected;
};

/// A path through the design graph: from a component of @c from to one of @c to.
struct FlowSpec
{
    QStringList from;
    QStringList to;
    QStringList firstFlow; ///< the first arrow carries one of these (empty: any)
    QStringList lastFlow;  ///< the last arrow carries one of these (empty: any)
    QStringList flows;     ///< every arrow carries one of these (empty: any)
    QStringList via;       ///< intermediate components are of these kinds (empty: any)
    bool direct = false;   ///< one arrow, no intermediate component
    /// Waypoints the path passes in this order: a component of one of the kinds of each.
    QVector<QStringList> through;
};

/// One target of a shared-source item: the source reaches a component of @c kinds whose
/// incoming arrow on the path carries one of @c lastFlow.
struct SourceTarget
{
    QStringList kinds;
    QStringList lastFlow;
};

/// One check of a rubric, tagged with a step of the seven-step framework.
struct RubricItem
{
    enum class Type
    {
        Roles,         ///< roleSlots filled by a kind-constrained matching of components
        Flow,          ///< a path exists (reachability with constraints)
        SharedSource,  ///< one component of a kind feeds all the targets
        Notes,         ///< meta.steps notes of the given steps, mentioning the groups
        LatencyBudget, ///< a request path within a budget no looser than max_ms
        RuleErrors,    ///< penalty: unwaived rule errors
        AntiPattern    ///< penalty: a named path that should not exist
    };
    QString id;
    QString step; ///< a DesignSteps id
    QString title;
    double points = 0; ///< negative for penalties (the most they can take)
    QString hint;
    QString why; ///< why it matters, shown in the result
    Type type = Type::Roles;

    QVector<RoleSlot> roleSlots;
    FlowSpec flow;
    QStringList sourceKinds;
    QVector<SourceTarget> targets;
    QStringList noteSteps;
    QVector<QStringList> mentions; ///< groups of alternative words; each group found earns a share
    int minChars = 40;
    double maxMs = 0;
    double perError = 0;

    bool isPenalty() const { return points < 0; }
};

/// A practice problem: the interviewer's prompt, what to uncover, and the rubric.
struct Problem
{
    QString id; ///< the reference design's template name, e.g. "video_recommendation"
    QString title;
    QString prompt;
    QStringList requirements;
    QString difficulty; ///< "easy", "medium" or "hard"
    QStringList tags;
    int minutes = 45;
    QVector<RubricItem> items;

    /// The points an attempt can earn: the sum of the non-penalty items.
    double maxPoints() const;
    const RubricItem *item(const QString &id) const;
    /// True when @p text (case-insensitive) is in the title, the id, a tag or the prompt.
    bool matches(const QString &text) const;
};

/// Reads problems from JSON (resources/problems/*.json, compiled in).
class ProblemSet
{
public:
    /// Parses one problem; nullopt and @p error naming the file and the entry when invalid.
    static std::optional<Problem> fromJson(const QByteArray &json, const QString &fileName,
                                           QString *error);
    /// The built-in problems, sorted by id. Invalid files are skipped with a log message
    /// (tst_problems checks that none is).
    static const QVector<Problem> &builtin();
    /// The built-in problem with this id, or nullptr.
    static const Problem *find(const QString &id);
    /// The ids of the built-in problems.
    static QStringList ids();
    /// The resource path of a problem's reference design.
    static QString referencePath(const QString &id);
};

} // namespace mls
