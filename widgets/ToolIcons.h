// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QIcon>

namespace mls {

/// The toolbar's icons, drawn with QPainter in the palette's text colour so they suit light
/// and dark themes alike and need no icon theme.
class ToolIcons
{
public:
    enum class Kind
    {
        Undo,
        Redo,
        ZoomIn,
        ZoomOut,
        Fit,
        AutoLayout,
        Check,
        Export,
        Panels,
        Minimap,
        StickyNote
    };

    /// The icon of @p kind, drawn in @p colour at 1× and 2× of a 24 px toolbar icon.
    static QIcon icon(Kind kind, const QColor &colour);
};

} // namespace mls
