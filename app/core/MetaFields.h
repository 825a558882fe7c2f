// SPDX-License-Identifier: MIT
#pragma once

#include "Meta.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace mls {

/// Typed access to the known fields kept in a diagram's `meta` next to title, budget and
/// notes, so each key is spelled once (here) and its type checked once.
namespace known {

/// `meta.summary`: a template's one-line description; empty when absent or not a string.
QString templateSummary(const Meta &meta);
/// `meta.tags`: a template's tags; entries that are not strings are skipped.
QStringList templateTags(const Meta &meta);
/// `meta.steps`: the notes per design step (step id → text), string values only.
QHash<QString, QString> stepNotes(const Meta &meta);
/// The same notes in file order, for reports that list them as written.
QVector<std::pair<QString, QString>> stepNotesInOrder(const Meta &meta);
/// @p meta with the note of @p step set to @p text (`meta.steps` created when missing).
Meta withStepNote(Meta meta, const QString &step, const QString &text);
/// `meta.severity_overrides`: rule id → severity name as written; values that are not strings
/// are kept as an empty name, for the rule engine to report.
QHash<QString, QString> severityOverrides(const Meta &meta);

} // namespace known
} // namespace mls
