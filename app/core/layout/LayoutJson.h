// SPDX-License-Identifier: MIT
#pragma once

#include "GraphvizLayout.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace mls {

/// LayoutInput and LayoutResult as compact JSON: what the window sends a layout worker process
/// (`mlsketch layout-worker`) on stdin and reads back from its stdout. Numbers keep every bit,
/// so a run through a worker gives exactly what the same run in-process gives.
class LayoutJson
{
public:
    static QByteArray write(const LayoutInput &input);
    static QByteArray write(const LayoutResult &result);
    /// Parses a LayoutInput; nullopt with a message on @p error for anything malformed.
    static std::optional<LayoutInput> readInput(const QByteArray &bytes, QString *error);
    /// Parses a LayoutResult; nullopt with a message on @p error for anything malformed.
    static std::optional<LayoutResult> readResult(const QByteArray &bytes, QString *error);
};

} // namespace mls
