// SPDX-License-Identifier: MIT
#include "../RunMlsketch.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "EmbeddedDesign.h"
#include "MainWindow.h"
#include "canvas/DiagramView.h"
#include "export/ExportWriter.h"
#include "text/DesignFile.h"

#include <QApplication>
#include <QImage>
#include <QImageReader>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>

using namespace mls;

namespace {

const QString templateFile =
    QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");

std::unique_ptr<Diagram> readTemplate()
{
    ReadResult r = DiagramReader::readFile(templateFile);
    return std::move(r.diagram);
}

} // namespace

/// A PNG export carries its design, as draw.io's do: it opens again as the editable diagram.
class TestPngDesign : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void selectionCarriesOnlyTheSelection();
    void plainPngSaysSo();
    void embeddedDesignMeetsTheReaderLimits();
    void windowOpensPngUntitled();
    void windowAcceptsDroppedPng();
    void checkReadsPng();

private:
    QTemporaryDir m_dir;
};

void TestPngDesign::roundTrip()
{
    auto d = readTemplate();
    QVERIFY(d);
    const QString png = m_dir.filePath("video.png");
    QString error;
    QVERIFY2(ExportWriter::write(*d, png, {}, &error), qPrintable(error));
    QVERIFY(!QImage(png).isNull()); // still an ordinary picture
    ReadResult back = DesignFile::readFile(png);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(DiagramWriter::write(*back.diagram), DiagramWriter::write(*d));
}

void TestPngDesign::selectionCarriesOnlyTheSelection()
{
    auto d = readTemplate();
    QVERIFY(d && d->components().size() > 2);
    ExportOptions o;
    o.selection = {d->components()[0].id, d->components()[1].id};
    const QString png = m_dir.filePath("part.png");
    QString error;
    QVERIFY2(ExportWriter::write(*d, png, o, &error), qPrintable(error));
    ReadResult back = DesignFile::readFile(png);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.diagram->components().size(), size_t(2));
}

void TestPngDesign::plainPngSaysSo()
{
    const QString png = m_dir.filePath("plain.png");
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::white);
    QVERIFY(image.save(png));
    ReadResult r = DesignFile::readFile(png);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains("holds no mlsketch design"), qPrintable(r.error));
    QVERIFY(r.error.startsWith(png));

    const QString notPng = m_dir.filePath("text.png");
    QFile f(notPng);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a picture");
    f.close();
    r = DesignFile::readFile(notPng);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains("not a readable PNG"), qPrintable(r.error));
}

void TestPngDesign::embeddedDesignMeetsTheReaderLimits()
{
    // A hand-made PNG whose chunk holds a design over a limit, or a broken one: the reader's
    // own errors, not a crash or a half-read document.
    auto d = readTemplate();
    QImage image(10, 10, QImage::Format_RGB32);
    image.fill(Qt::white);
    QVERIFY(EmbeddedDesign::embed(*d, image));
    const QString png = m_dir.filePath("limits.png");
    QVERIFY(image.save(png));
    ReadLimits small;
    small.maxComponents = 2;
    ReadResult r = DesignFile::readFile(png, small);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains("component"), qPrintable(r.error));

    image.setText(EmbeddedDesign::key, R"({"format": "mlsketch", "version": 99})");
    const QString newer = m_dir.filePath("newer.png");
    QVERIFY(image.save(newer));
    r = DesignFile::readFile(newer);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(newer) && r.error.contains("version"), qPrintable(r.error));
}

void TestPngDesign::windowOpensPngUntitled()
{
    auto d = readTemplate();
    const QString png = m_dir.filePath("open.png");
    QString error;
    QVERIFY(ExportWriter::write(*d, png, {}, &error));
    MainWindow w;
    QVERIFY2(w.openFile(png, &error), qPrintable(error));
    QCOMPARE(w.diagram()->components().size(), d->components().size());
    QCOMPARE(w.diagram()->connections().size(), d->connections().size());
    // Save must ask for a name: it must never overwrite the picture with JSON.
    QVERIFY(w.filePath().isEmpty());
}

void TestPngDesign::windowAcceptsDroppedPng()
{
    auto d = readTemplate();
    const QString png = m_dir.filePath("drop.png");
    QString error;
    QVERIFY(ExportWriter::write(*d, png, {}, &error));
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(png)});
    // Onto the board, where a person drops it.
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w.view()->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w.view()->viewport(), &drop);
    QCOMPARE(w.diagram()->components().size(), d->components().size());
}

void TestPngDesign::checkReadsPng()
{
    auto d = readTemplate();
    const QString png = m_dir.filePath("check.png");
    QString error;
    QVERIFY(ExportWriter::write(*d, png, {}, &error));
    QString out;
    QCOMPARE(test::runMlsketch({"check", png}, &out), 0);
    QImage plain(4, 4, QImage::Format_RGB32);
    plain.fill(Qt::black);
    const QString plainPath = m_dir.filePath("plain-check.png");
    QVERIFY(plain.save(plainPath));
    QCOMPARE(test::runMlsketch({"check", plainPath}, &out), 2);
    QVERIFY2(out.contains("holds no mlsketch design"), qPrintable(out));
}

QTEST_MAIN(TestPngDesign)
#include "tst_png_design.moc"
