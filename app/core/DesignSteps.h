// SPDX-License-Identifier: MIT
#pragma once

#include "Meta.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <utility>

namespace mls::DesignSteps {

/// The seven steps of the ML system design framework, as the keys of meta.steps, in order:
/// clarify requirements, frame as an ML task, data preparation, model development,
/// evaluation, deployment and serving, monitoring.
QStringList ids();
/// A step id as a heading ("frame_ml_task" → "Frame as an ML task"); unknown ids as they are.
QString title(const QString &id);
/// The non-empty string notes of meta.steps as (id, text), in file order; other values skipped.
QVector<std::pair<QString, QString>> of(const Meta &meta);

} // namespace mls::DesignSteps
