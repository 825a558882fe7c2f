// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QMenu;

namespace mls {

/// File → Open Recent: the last files opened or saved, kept in QSettings.
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    /// Fills @p menu each time it is about to show.
    explicit RecentFiles(QMenu *menu);

    /// Puts @p path first in the list (at most ten are kept).
    static void remember(const QString &path);

Q_SIGNALS:
    void openRequested(const QString &path);

private:
    void fill();

    QMenu *m_menu;
};

} // namespace mls
