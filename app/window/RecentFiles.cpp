// SPDX-License-Identifier: MIT
#include "RecentFiles.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace mls {

namespace {
constexpr int maxRecentFiles = 10;
const char *const recentKey = "recentFiles";
} // namespace

RecentFiles::RecentFiles(QMenu *menu) : QObject(menu), m_menu(menu)
{
    connect(menu, &QMenu::aboutToShow, this, &RecentFiles::fill);
}

void RecentFiles::remember(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(recentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentFiles)
        recent.removeLast();
    settings.setValue(QLatin1String(recentKey), recent);
}

void RecentFiles::fill()
{
    m_menu->clear();
    const QStringList recent = QSettings().value(QLatin1String(recentKey)).toStringList();
    for (const QString &path : recent) {
        QAction *a = m_menu->addAction(QFileInfo(path).fileName(), this,
                                       [this, path] { Q_EMIT openRequested(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_menu->addAction(tr("No recent files"))->setEnabled(false);
    else
        m_menu->addAction(tr("Clear List"), this,
                          [] { QSettings().remove(QLatin1String(recentKey)); });
}

} // namespace mls
