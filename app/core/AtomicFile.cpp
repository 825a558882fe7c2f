// SPDX-License-Identifier: MIT
#include "AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_UNIX
#include <signal.h>
#include <unistd.h>
#endif

namespace mls {

namespace {

const QLatin1String marker("~mlsketch-");

bool processIsGone(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    Q_UNUSED(pid);
    return false; // never guess: leave it
#endif
}

/// The real file behind @p path (a save through a symbolic link writes its target).
QString resolved(const QString &path)
{
    const QFileInfo info(path);
    return info.isSymLink() ? info.symLinkTarget() : info.absoluteFilePath();
}

} // namespace

bool AtomicFile::isTemporaryOf(const QString &fileName, const QString &target, qint64 *pid)
{
    const QString prefix = QLatin1Char('.') + target + marker;
    if (!fileName.startsWith(prefix) || !fileName.endsWith(QLatin1String(".tmp")))
        return false;
    static const QRegularExpression tail(QStringLiteral("^([0-9]{1,10})-[0-9a-f]{8}\\.tmp$"));
    const auto m = tail.match(QStringView(fileName).mid(prefix.size()));
    if (!m.hasMatch())
        return false;
    if (pid)
        *pid = m.captured(1).toLongLong();
    return true;
}

int AtomicFile::removeStaleTemporaries(const QString &path)
{
    const QFileInfo target(resolved(path));
    QDir dir = target.dir();
    const QString name = target.fileName();
    int removed = 0;
    const QStringList candidates =
        dir.entryList({QLatin1Char('.') + name + marker + QLatin1Char('*')},
                      QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &f : candidates) {
        qint64 pid = 0;
        if (isTemporaryOf(f, name, &pid) && processIsGone(pid) && dir.remove(f))
            ++removed;
    }
    return removed;
}

QString AtomicFile::writeError(const QFileDevice &file, int error)
{
    // Qt 6.4 says "Unknown error" for a short write (a full disk, a file-size limit): the
    // system's own words are clearer ("No space left on device").
    if (error != 0 && (file.error() == QFileDevice::NoError ||
                       file.errorString() == QLatin1String("Unknown error")))
        return QString::fromLocal8Bit(std::strerror(error));
    return file.errorString();
}

bool AtomicFile::write(const QString &path, const QByteArray &bytes, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    };
    const QString real = resolved(path);
    const QFileInfo target(real);
    if (target.isDir())
        return fail(QStringLiteral("is a folder, not a file"));
    if (!target.dir().exists())
        return fail(QStringLiteral("cannot write: the folder %1 does not exist")
                        .arg(QDir::toNativeSeparators(target.path())));
    // The owner's write bit too: as root, isWritable() is always true, and a rename would
    // replace a file its owner made read-only.
    if (target.exists() && (!target.isWritable() || !(target.permissions() & QFile::WriteOwner)))
        return fail(QStringLiteral("cannot write: the file is read-only"));
    removeStaleTemporaries(real);

    const QString tmpName =
        QStringLiteral(".%1%2%3-%4.tmp")
            .arg(target.fileName(), marker)
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    const QString tmpPath = target.dir().filePath(tmpName);
    QFile tmp(tmpPath);
    if (!tmp.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(QStringLiteral("cannot write: %1").arg(tmp.errorString()));
    errno = 0;
    bool ok = tmp.write(bytes) == bytes.size() && tmp.flush();
#ifdef Q_OS_UNIX
    ok = ok && ::fsync(tmp.handle()) == 0; // on disk before it replaces the old file
#endif
    const QString why = writeError(tmp, errno);
    tmp.close();
    ok = ok && tmp.error() == QFileDevice::NoError;
    if (!ok) {
        QFile::remove(tmpPath);
        return fail(QStringLiteral("saving failed: %1").arg(why));
    }
    if (target.exists())
        QFile::setPermissions(tmpPath, QFile::permissions(real));
#ifdef Q_OS_UNIX
    const bool renamed =
        ::rename(QFile::encodeName(tmpPath).constData(), QFile::encodeName(real).constData()) == 0;
    const QString renameError = QString::fromLocal8Bit(std::strerror(errno));
#else
    QFile::remove(real);
    const bool renamed = QFile::rename(tmpPath, real);
    const QString renameError = QStringLiteral("cannot replace the file");
#endif
    if (!renamed) {
        QFile::remove(tmpPath);
        return fail(QStringLiteral("saving failed: %1").arg(renameError));
    }
    return true;
}

} // namespace mls
