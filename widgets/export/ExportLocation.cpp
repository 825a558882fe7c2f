// SPDX-License-Identifier: MIT
#include "ExportLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace mls {

QString ExportLocation::fileNameFor(const QString &title)
{
    static const QRegularExpression unsafe(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]+"));
    QString name = title;
    name.replace(unsafe, QStringLiteral("-"));
    name = name.trimmed();
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1); // no hidden files, no ".."
    return name.isEmpty() ? QStringLiteral("diagram") : name.left(120);
}

QString ExportLocation::suggest(const QString &documentPath, const QString &title,
                                const QStringList &fallbackFolders)
{
    const bool onDisk = !documentPath.isEmpty() && !documentPath.startsWith(QLatin1String(":/"));
    const QFileInfo document(documentPath);
    const QString name =
        onDisk ? fileNameFor(document.completeBaseName()) : fileNameFor(title.trimmed());
    if (onDisk && document.absoluteDir().exists())
        return document.absoluteDir().filePath(name);
    for (const QString &folder : fallbackFolders) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return QDir(folder).filePath(name);
    }
    return name;
}

QString ExportLocation::suggest(const QString &documentPath, const QString &title)
{
    return suggest(
        documentPath, title,
        {QStandardPaths::writableLocation(QStandardPaths::PicturesLocation), QDir::homePath()});
}

} // namespace mls
