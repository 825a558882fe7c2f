// SPDX-License-Identifier: MIT
// libFuzzer target: the .mlsketch file reader. Whatever loads must be written back into bytes
// the reader accepts again (the writer never writes what the reader refuses); and the same
// bytes read from a file in one pass over chunks (readStreamed) must give the same design, or
// nothing where the whole read refuses them or they start with a byte-order mark.
#include "DiagramReader.h"
#include "DiagramWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>

using namespace mls;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ReadResult r = DiagramReader::read(bytes, QStringLiteral("fuzz.mlsketch"));
    if (r.ok() == !r.error.isEmpty())
        std::abort(); // exactly one of a diagram and an error
    static const QString path = QDir::temp().filePath(
        QStringLiteral("fuzz_reader_%1.mlsketch").arg(QCoreApplication::applicationPid()));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
        file.write(bytes) == bytes.size()) {
        file.close();
        const std::optional<ReadResult> pass = DiagramReader::readStreamed(path);
        const bool bom = bytes.startsWith("\xEF\xBB\xBF");
        if (pass.has_value() != (r.ok() && !bom)) {
            std::fprintf(stderr, "one pass %s what the whole read %s\n",
                         pass ? "reads" : "gives up on", r.ok() ? "reads" : "refuses");
            std::abort();
        }
        if (pass && (pass->warnings != r.warnings ||
                     DiagramWriter::write(*pass->diagram) != DiagramWriter::write(*r.diagram))) {
            std::fprintf(stderr, "one pass reads another design than the whole read\n");
            std::abort();
        }
    }
    if (!r.ok())
        return 0;
    QString error;
    const QByteArray again = DiagramWriter::write(*r.diagram, &error);
    if (again.isEmpty())
        return 0; // refused with a message: allowed (e.g. invalid UTF-8 grown by replacement)
    const ReadResult back = DiagramReader::read(again, QStringLiteral("again.mlsketch"));
    if (!back.ok()) {
        std::fprintf(stderr, "written but unreadable: %s\n", qPrintable(back.error));
        std::abort();
    }
    return 0;
}
