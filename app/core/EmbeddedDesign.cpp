// SPDX-License-Identifier: MIT
#include "EmbeddedDesign.h"

#include "DiagramWriter.h"

#include <QFileInfo>
#include <QImageReader>

namespace mls {

bool EmbeddedDesign::isPng(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0;
}

bool EmbeddedDesign::embed(const Diagram &d, QImage &image)
{
    QString why;
    const QByteArray json = DiagramWriter::write(d, &why);
    if (json.isEmpty())
        return false;
    // Qt stores a non-Latin-1 value as UTF-8 in an iTXt chunk and reads it back as such.
    image.setText(QString::fromLatin1(key), QString::fromUtf8(json));
    return true;
}

ReadResult EmbeddedDesign::readFile(const QString &path, const ReadLimits &limits)
{
    ReadResult result;
    const QFileInfo info(path);
    if (!info.exists() || info.isDir()) {
        result.error = info.isDir() ? QStringLiteral("%1: is a folder, not a file").arg(path)
                                    : QStringLiteral("%1: no such file").arg(path);
        return result;
    }
    // The text chunks precede the pixels: reading the header finds them without decoding the
    // picture, so a huge image costs nothing here.
    QImageReader reader(path, "png");
    if (!reader.canRead()) {
        result.error = QStringLiteral("%1: not a readable PNG image").arg(path);
        return result;
    }
    const QString text = reader.text(QString::fromLatin1(key));
    if (text.isEmpty()) {
        result.error = QStringLiteral("%1: this PNG holds no mlsketch design (only pictures "
                                      "exported by mlsketch as PNG carry one)")
                           .arg(path);
        return result;
    }
    return DiagramReader::read(text.toUtf8(), path, limits);
}

} // namespace mls
