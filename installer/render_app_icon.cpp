// SPDX-License-Identifier: MIT
// Build-time tool: renders the SVG app icon to the PNG sizes desktops need, so the repository
// holds no binary icon files.
//   render_app_icon SVG PATTERN SIZE...
// writes one square image per SIZE to PATTERN with every "{size}" replaced by the size, e.g.
// "hicolor/{size}x{size}/apps/mlsketch.png"; the format follows the suffix (.png, .ico, ...).
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

namespace {

QImage render(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter, QRectF(0, 0, size, size));
    return image;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 3) {
        err << "usage: render_app_icon SVG PATTERN SIZE...\n";
        return 2;
    }
    QSvgRenderer svg(args.at(0));
    if (!svg.isValid()) {
        err << "render_app_icon: " << args.at(0) << " is not a readable SVG file\n";
        return 1;
    }
    for (const QString &arg : args.mid(2)) {
        bool ok = false;
        const int size = arg.toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            err << "render_app_icon: size \"" << arg << "\" is not a whole number of pixels "
                << "from 1 to 4096\n";
            return 2;
        }
        const QString path = QString(args.at(1)).replace(QLatin1String("{size}"), arg);
        const QString dir = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(dir)) {
            err << "render_app_icon: cannot create the folder " << dir << '\n';
            return 1;
        }
        QImageWriter writer(path);
        if (!writer.write(render(svg, size))) {
            err << "render_app_icon: cannot write " << path << ": " << writer.errorString() << '\n';
            return 1;
        }
    }
    return 0;
}
