package dev.quarry.benchmarks;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link SideBySide.Measured} run into Markdown tables (printed, and written with the run's date, JDK,
 * versions and machine) and a PNG bar chart of the throughput ratios, both under the results folder.
 */
final class Results {

    /** The chart's colours, one per system in {@link Contenders} order. */
    private static final Color[] COLOURS = {new Color(0x555555), new Color(0x1f77b4), new Color(0x6baed6),
            new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd), new Color(0xd62728), new Color(0x8c564b),
            new Color(0xe377c2), new Color(0x17becf)};

    private Results() {
    }

    /** Prints the report and writes {@code side-by-side-<date>.md} and {@code .png} into {@code folder}. */
    static void write(SideBySide.Measured m, Path folder) throws IOException {
        Pinning pinning = m.pinning();
        long pinned = pinning.count();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        String base = (m.settings().quick() ? "quick-" : "side-by-side-") + stamp;
        Files.createDirectories(folder);
        Path png = folder.resolve(base + ".png");
        chart(m, png);
        String markdown = markdown(m, pinned, pinning.where(), png.getFileName().toString());
        Files.writeString(folder.resolve(base + ".md"), markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("written: " + folder.resolve(base + ".md") + " and " + png);
    }

    /** Median over the rounds of system {@code s}'s throughput divided by the baseline's in the same round. */
    static double ratio(SideBySide.Measured m, int w, int s) {
        double[] perRound = new double[m.settings().rounds()];
        for (int r = 0; r < perRound.length; r++) {
            perRound[r] = m.throughput()[w][s][r] / m.throughput()[w][0][r];
        }
        return median(perRound);
    }

    private static String markdown(SideBySide.Measured m, long pinned, Map<String, Integer> where, String png) {
        StringBuilder out = new StringBuilder();
        SideBySide.Settings settings = m.settings();
        out.append("# Side by side: ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(settings.quick() ? " (quick mode: indicative only)" : "").append("\n\n");
        out.append("- JDK ").append(Runtime.version()).append(" (").append(System.getProperty("java.vm.name"))
                .append("), ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append('\n');
        out.append("- machine: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, ").append(memory()).append(", load average ")
                .append(String.format(Locale.ROOT, "%.1f before, %.1f after", m.loadBefore(), m.loadAfter()))
                .append(" (other builds ran on it: read the ratios, not the times)\n");
        out.append("- PostgreSQL ").append(m.server()).append(" at ")
                .append(settings.url().replaceAll("password=[^&]*", "password=***")).append('\n');
        out.append("- ").append(settings.callers()).append(" virtual-thread callers over ").append(settings.poolSize())
                .append(" connections per system; ").append(settings.rounds()).append(" measured rounds (+1 warm-up) of ")
                .append(settings.window().toMillis()).append(" ms throughput + ").append(settings.latencyWindow().toMillis())
                .append(" ms single-caller latency per workload and system; the run took ")
                .append(m.took().toSeconds()).append(" s\n");
        out.append("- virtual-thread pinning (JFR `jdk.VirtualThreadPinned`, threshold 0) over the measured rounds: **")
                .append(pinned).append("** events").append(where.isEmpty() ? "" : " " + where).append('\n');
        out.append("- systems:\n");
        for (Contender c : m.systems()) {
            out.append("  - ").append(c.name()).append(": ").append(c.version()).append('\n');
        }
        out.append("\n## Throughput, ratio to hand-written JDBC (higher is better; median of the per-round ratios)\n\n");
        header(out, m, "JDBC calls/s");
        for (int w = 0; w < m.workloads().size(); w++) {
            out.append("| ").append(m.workloads().get(w).title()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", median(m.throughput()[w][0])));
            for (int s = 1; s < m.systems().size(); s++) {
                out.append(String.format(Locale.ROOT, " | %.2f", ratio(m, w, s)));
            }
            out.append(" |\n");
        }
        out.append("\n![throughput ratios](").append(png).append(")\n");
        out.append("\n## Throughput, calls per second (median over the rounds)\n\n");
        header(out, m, "JDBC");
        for (int w = 0; w < m.workloads().size(); w++) {
            out.append("| ").append(m.workloads().get(w).title());
            for (int s = 0; s < m.systems().size(); s++) {
                out.append(String.format(Locale.ROOT, " | %,.0f", median(m.throughput()[w][s])));
            }
            out.append(" |\n");
        }
        out.append("\n## Latency of one caller, median µs per call (ratio to JDBC; lower is better)\n\n");
        header(out, m, "JDBC");
        for (int w = 0; w < m.workloads().size(); w++) {
            out.append("| ").append(m.workloads().get(w).title());
            double jdbc = median(m.latency()[w][0]) / 1_000.0;
            out.append(String.format(Locale.ROOT, " | %.1f", jdbc));
            for (int s = 1; s < m.systems().size(); s++) {
                double micros = median(m.latency()[w][s]) / 1_000.0;
                out.append(String.format(Locale.ROOT, " | %.1f (%.2f)", micros, micros / jdbc));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    private static void header(StringBuilder out, SideBySide.Measured m, String first) {
        out.append("| workload | ").append(first);
        for (int s = 1; s < m.systems().size(); s++) {
            out.append(" | ").append(m.systems().get(s).name());
        }
        out.append(" |\n|---").append("|---:".repeat(m.systems().size())).append("|\n");
    }

    private static void chart(SideBySide.Measured m, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int w = 0; w < m.workloads().size(); w++) {
            for (int s = 0; s < m.systems().size(); s++) {
                data.addValue(s == 0 ? 1.0 : ratio(m, w, s), m.systems().get(s).name(), m.workloads().get(w).title());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Throughput relative to hand-written JDBC (" + m.settings().callers() + " callers, "
                        + m.settings().poolSize() + " connections; higher is better)",
                null, "ratio to JDBC", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker one = new ValueMarker(1.0, Color.BLACK, new BasicStroke(1.5f));
        plot.addRangeMarker(one);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        for (int s = 0; s < m.systems().size(); s++) {
            renderer.setSeriesPaint(s, COLOURS[s % COLOURS.length]);
        }
        String subtitle = "JDK " + Runtime.version().feature() + ", PostgreSQL " + m.server() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs (shared), median of " + m.settings().rounds()
                + " rounds" + (m.settings().quick() ? ", QUICK MODE" : "");
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1400, 700);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static String cpu() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String memory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return (os.getTotalMemorySize() >> 30) + " GiB";
        }
        return "? GiB";
    }
}
