// SPDX-License-Identifier: MIT
#include "PracticeHistory.h"

#include "DiagramReader.h"
#include "DiagramWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace mls {

namespace {

const QString stampFormat = QStringLiteral("yyyyMMdd-HHmmss");

/// Problem ids become folder names: keep them to safe characters.
bool safeName(const QString &id)
{
    if (id.isEmpty() || id.size() > 100)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
    });
}

} // namespace

PracticeHistory::PracticeHistory(const QString &folder) : m_folder(folder) {}

QString PracticeHistory::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/practice");
}

bool PracticeHistory::add(const Diagram &d, const QDateTime &when, QString *error, QString *path)
{
    const auto state = PracticeState::of(d.meta());
    if (!state || !safeName(state->problem)) {
        if (error)
            *error = QStringLiteral("the design is no practice attempt");
        return false;
    }
    const QString dir = m_folder + QLatin1Char('/') + state->problem;
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(dir);
        return false;
    }
    QString file = dir + QLatin1Char('/') + when.toUTC().toString(stampFormat);
    // Two submits within one second keep both.
    QString candidate = file + QStringLiteral(".mlsketch");
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = file + QStringLiteral("-%1.mlsketch").arg(n);
    if (!DiagramWriter::save(d, candidate, error))
        return false;
    if (path)
        *path = candidate;
    return true;
}

QVector<Attempt> PracticeHistory::attempts(const QString &problem) const
{
    QVector<Attempt> list;
    const QDir root(m_folder);
    QStringList problems = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (!problem.isEmpty())
        problems = problems.contains(problem) ? QStringList{problem} : QStringList();
    for (const QString &p : std::as_const(problems)) {
        const QDir dir(root.filePath(p));
        for (const QString &name : dir.entryList({QStringLiteral("*.mlsketch")}, QDir::Files)) {
            const ReadResult r = DiagramReader::readFile(dir.filePath(name));
            if (!r.ok())
                continue;
            const auto state = PracticeState::of(r.diagram->meta());
            if (!state)
                continue;
            Attempt a;
            a.path = dir.filePath(name);
            a.problem = p;
            a.submittedAt = QDateTime::fromString(name.left(stampFormat.size()), stampFormat);
            a.submittedAt.setTimeSpec(Qt::UTC);
            a.score = std::max(0, state->score);
            a.state = *state;
            list.push_back(a);
        }
    }
    std::stable_sort(list.begin(), list.end(), [](const Attempt &a, const Attempt &b) {
        return a.submittedAt != b.submittedAt ? a.submittedAt < b.submittedAt : a.path < b.path;
    });
    return list;
}

} // namespace mls
