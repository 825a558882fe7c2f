// SPDX-License-Identifier: MIT
// libFuzzer target: the recovery-file reader. The input is a sidecar (JSON), then a line
// "----", then the recovery file's bytes; both are written into a scratch recovery folder
// and read the way the window does at start-up (findOrphans, restore).
#include "Diagram.h"
#include "RecoveryStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace mls;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype cut = bytes.indexOf("\n----\n");
    const QByteArray sidecar = cut < 0 ? bytes : bytes.left(cut);
    const QByteArray snapshot = cut < 0 ? QByteArray() : bytes.mid(cut + 6);
    const QString id = QStringLiteral("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    QDir(folder).removeRecursively();
    QDir().mkpath(folder);
    auto put = [&](const QString &name, const QByteArray &content) {
        QFile f(QDir(folder).filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
    };
    put(id + QStringLiteral(".json"), sidecar);
    if (cut >= 0)
        put(id + QStringLiteral(".mlsketch"), snapshot);
    RecoveryStore store(folder);
    for (const RecoverableSession &s : store.findOrphans()) {
        QString error;
        (void)store.restore(s.id, &error);
    }
    return 0;
}
