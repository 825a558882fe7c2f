// SPDX-License-Identifier: MIT
#pragma once

#include "DiagramReader.h"

namespace mls {

/// Opens a design from either of its file formats: the text form (`.mls`) or the JSON
/// `.mlsketch` format (any other name). A text design is laid out with Graphviz on reading,
/// since the text holds no positions.
class DesignFile
{
public:
    static bool isText(const QString &path);
    /// A file a window opens when it is dropped on it: a `.mlsketch` design, or a PNG, which
    /// may carry one (EmbeddedDesign).
    static bool isBoardFile(const QString &path);
    static ReadResult readFile(const QString &path, const ReadLimits &limits = {});
};

} // namespace mls
