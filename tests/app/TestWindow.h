// SPDX-License-Identifier: MIT
#pragma once

#include "MainWindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QString>

namespace mls::test {

/// A reference design the window suites open: it has zones, every flow and a request path.
inline const QString templateFile =
    QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");

/// The menu of @p w's menu bar titled @p title (without its & mnemonic), or nullptr.
inline QMenu *menuNamed(MainWindow &w, const QString &title)
{
    for (QAction *a : w.menuBar()->actions()) {
        if (a->menu() && a->text().remove('&') == title)
            return a->menu();
    }
    return nullptr;
}

} // namespace mls::test
