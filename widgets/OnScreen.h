// SPDX-License-Identifier: MIT
#pragma once

#include <QRegion>
#include <QWidget>

namespace mls {

/// True when some of the widget is on screen. A dock in a background tab stays visible to Qt
/// (it is moved out of the window), so a panel that only asks isVisible() keeps refreshing
/// behind another tab.
inline bool isOnScreen(const QWidget *widget)
{
    return widget->isVisible() && !widget->visibleRegion().isEmpty();
}

} // namespace mls
