package th.integrity.stats.agency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Display names of agencies, from configuration. */
@Component
public class AgencyDirectory {

    private final Map<String, AgencyProperties.Agency> byCode = new LinkedHashMap<>();

    public AgencyDirectory(AgencyProperties properties) {
        for (var agency : properties.agencies()) {
            if (byCode.putIfAbsent(agency.code(), agency) != null) {
                throw new IllegalStateException("integrity.stats.agencies lists " + agency.code() + " twice");
            }
        }
    }

    /** Thai name, or the code itself for an agency not configured. */
    public String nameTh(String code) {
        var agency = byCode.get(code);
        return agency == null ? code : agency.nameTh();
    }

    /** English name, or the code. */
    public String nameEn(String code) {
        var agency = byCode.get(code);
        return agency == null || agency.nameEn() == null || agency.nameEn().isBlank() ? code : agency.nameEn();
    }

    /** The configured agency codes, in configuration order. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }
}
