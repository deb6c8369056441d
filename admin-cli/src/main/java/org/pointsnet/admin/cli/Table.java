package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Aligned text tables for people; scripts use --json. */
final class Table {

    private Table() {
    }

    /** A JSON value as a cell: text as is, nothing as "-", anything else as JSON. */
    static String cell(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "-";
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    static void print(PrintWriter out, List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, headers, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        if (rows.isEmpty()) {
            out.println("(none)");
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            text.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        out.println(text.toString().stripTrailing());
    }
}
